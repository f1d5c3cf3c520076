using ApartiumChat.Protocol;
using ApartiumChat.Server.Messages;
using ApartiumChat.Server.Node;

namespace ApartiumChat.Server.Commands;

/// <summary>HA RESUME token (docs/protocol.md): only with the apartium.chat/ha capability, while registering.</summary>
internal sealed class HaCommand : CommandHandler
{
    public override string Name => IrcCommands.Ha;

    public override bool AllowedBeforeRegistration => true;

    public override void Handle(ClientConnection client, IrcMessage message)
    {
        if (!client.Capabilities.HasFlag(ClientCapabilities.Ha))
        {
            client.Reply(IrcNumerics.ErrUnknownCommand, Name, "Unknown command (request the apartium.chat/ha capability)");
            return;
        }

        if (!string.Equals(message.Param(0), HaSubcommands.Resume, StringComparison.OrdinalIgnoreCase))
        {
            client.Fail(Name, "UNKNOWN_SUBCOMMAND", "Unknown HA subcommand", message.Param(0) ?? "*");
            return;
        }

        if (client.IsRegistered || client.Session is not null)
        {
            client.Fail(Name, "ALREADY_REGISTERED", "Resume only while registering");
            return;
        }

        if (message.Param(1) is not { Length: > 0 } token)
        {
            client.Fail(Name, "NEED_MORE_PARAMS", "HA RESUME needs a token");
            return;
        }

        if (!client.TryResume(token))
        {
            client.Fail(Name, "INVALID_TOKEN", "Resume token is invalid, expired or already used");
            return;
        }

        client.SendFromServer(Name, HaSubcommands.Resumed, client.Session!.Nick);
    }
}
