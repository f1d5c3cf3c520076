using ApartiumChat.Protocol;
using ApartiumChat.Server.Node;

namespace ApartiumChat.Server.Commands;

/// <summary>PASS password: checked when registration completes.</summary>
internal sealed class PassCommand : CommandHandler
{
    public override string Name => IrcCommands.Pass;

    public override int MinimumParameters => 1;

    public override bool AllowedBeforeRegistration => true;

    public override void Handle(ClientConnection client, IrcMessage message)
    {
        if (client.IsRegistered)
        {
            client.Reply(IrcNumerics.ErrAlreadyRegistered, "You may not reregister");
            return;
        }

        client.SetPassword(message.Params[0]);
    }
}
