using ApartiumChat.Protocol;
using ApartiumChat.Server.Node;

namespace ApartiumChat.Server.Commands;

/// <summary>MOTD: the message of the day.</summary>
internal sealed class MotdCommand : CommandHandler
{
    public override string Name => IrcCommands.Motd;

    public override void Handle(ClientConnection client, IrcMessage message) => Replies.SendMotd(client);
}
