using ApartiumChat.Protocol;
using ApartiumChat.Server.Node;

namespace ApartiumChat.Server.Commands;

/// <summary>PONG: nothing to do; hearing anything at all already proved the client alive.</summary>
internal sealed class PongCommand : CommandHandler
{
    public override string Name => IrcCommands.Pong;

    public override bool AllowedBeforeRegistration => true;

    public override void Handle(ClientConnection client, IrcMessage message)
    {
    }
}
