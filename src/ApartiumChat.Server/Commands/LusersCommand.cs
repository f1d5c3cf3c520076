using ApartiumChat.Protocol;
using ApartiumChat.Server.Node;

namespace ApartiumChat.Server.Commands;

/// <summary>LUSERS: how many users and channels the cluster has.</summary>
internal sealed class LusersCommand : CommandHandler
{
    public override string Name => IrcCommands.Lusers;

    public override void Handle(ClientConnection client, IrcMessage message) => Replies.SendLusers(client);
}
