using ApartiumChat.Protocol;
using ApartiumChat.Server.Node;

namespace ApartiumChat.Server.Commands;

/// <summary>QUIT [reason]: ends the session (HA or not) and closes the connection.</summary>
internal sealed class QuitCommand : CommandHandler
{
    public override string Name => IrcCommands.Quit;

    public override bool AllowedBeforeRegistration => true;

    public override void Handle(ClientConnection client, IrcMessage message)
    {
        var reason = message.Param(0) is { Length: > 0 } text ? "Quit: " + text : "Quit";
        if (client.Session is { } session)
        {
            client.Cluster.Quit(session, client, reason);
        }

        client.RequestClose(reason, "quit");
    }
}
