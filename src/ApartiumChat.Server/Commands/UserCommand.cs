using ApartiumChat.Protocol;
using ApartiumChat.Server.Node;

namespace ApartiumChat.Server.Commands;

/// <summary>USER user mode unused :real name.</summary>
internal sealed class UserCommand : CommandHandler
{
    private const int MaxUserLength = 16;

    public override string Name => IrcCommands.User;

    public override int MinimumParameters => 4;

    public override bool AllowedBeforeRegistration => true;

    public override void Handle(ClientConnection client, IrcMessage message)
    {
        if (client.IsRegistered)
        {
            client.Reply(IrcNumerics.ErrAlreadyRegistered, "You may not reregister");
            return;
        }

        // No ident lookup: the user name is the client's word, marked with '~' as is customary.
        var user = new string(message.Params[0].Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.').Take(MaxUserLength).ToArray());
        if (user.Length == 0)
        {
            client.Reply(IrcNumerics.ErrNeedMoreParams, Name, "The user name has no usable character");
            return;
        }

        client.SetPendingUser("~" + user, message.Params[3]);
    }
}
