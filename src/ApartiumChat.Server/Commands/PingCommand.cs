using ApartiumChat.Protocol;
using ApartiumChat.Server.Node;

namespace ApartiumChat.Server.Commands;

/// <summary>PING token: answered at once with PONG server token (clients' heartbeats rely on it).</summary>
internal sealed class PingCommand : CommandHandler
{
    public override string Name => IrcCommands.Ping;

    public override bool AllowedBeforeRegistration => true;

    public override void Handle(ClientConnection client, IrcMessage message)
    {
        if (message.Param(0) is not { Length: > 0 } token)
        {
            client.Reply(IrcNumerics.ErrNoOrigin, "No origin specified");
            return;
        }

        client.SendFromServer(IrcCommands.Pong, client.Server.Name, token);
    }
}
