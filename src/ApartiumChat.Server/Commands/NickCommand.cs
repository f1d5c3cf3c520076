using ApartiumChat.Protocol;
using ApartiumChat.Server.Cluster;
using ApartiumChat.Server.Node;

namespace ApartiumChat.Server.Commands;

/// <summary>NICK nick: chooses a nick while registering, or changes it (seen by everyone sharing a channel).</summary>
internal sealed class NickCommand : CommandHandler
{
    public override string Name => IrcCommands.Nick;

    public override bool AllowedBeforeRegistration => true;

    public override void Handle(ClientConnection client, IrcMessage message)
    {
        var nick = message.Param(0);
        if (string.IsNullOrEmpty(nick))
        {
            client.Reply(IrcNumerics.ErrNoNicknameGiven, "No nickname given");
            return;
        }

        if (!Nickname.IsValid(nick, client.Server.Options.Limits.NickLength))
        {
            client.Reply(IrcNumerics.ErrErroneusNickname, nick, "Erroneous nickname");
            return;
        }

        if (client.Session is not { } session || !client.IsRegistered)
        {
            if (!client.Cluster.IsNickAvailable(nick))
            {
                client.Reply(IrcNumerics.ErrNicknameInUse, nick, "Nickname is already in use");
                return;
            }

            client.SetPendingNick(nick);
            return;
        }

        var error = client.Cluster.ChangeNick(session, nick);
        if (error != ClusterError.None)
        {
            Replies.SendError(client, error, nick);
        }
    }
}
