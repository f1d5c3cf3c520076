using ApartiumChat.Protocol;
using ApartiumChat.Server.Node;

namespace ApartiumChat.Server.Commands;

/// <summary>VERSION: 351 and the ISUPPORT tokens.</summary>
internal sealed class VersionCommand : CommandHandler
{
    public override string Name => IrcCommands.Version;

    public override void Handle(ClientConnection client, IrcMessage message)
    {
        client.Reply(IrcNumerics.RplVersion, ServerVersion.Current, client.Server.Name, "ApartiumChat: a chat server built to stay up");
        Replies.SendISupport(client);
    }
}
