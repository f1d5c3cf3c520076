using ApartiumChat.Protocol;
using ApartiumChat.Server.Node;

namespace ApartiumChat.Server.Commands;

/// <summary>WHOIS [server] nick: 311, 319, 312, (301 when detached), 317, 318.</summary>
internal sealed class WhoisCommand : CommandHandler
{
    public override string Name => IrcCommands.Whois;

    public override int MinimumParameters => 1;

    public override void Handle(ClientConnection client, IrcMessage message)
    {
        var nick = message.Params[^1];
        if (client.Cluster.FindUser(nick) is not { } user)
        {
            client.Reply(IrcNumerics.ErrNoSuchNick, nick, "No such nick/channel");
            client.Reply(IrcNumerics.RplEndOfWhois, nick, "End of /WHOIS list");
            return;
        }

        client.Reply(IrcNumerics.RplWhoisUser, user.Nick, user.User, user.Host, "*", user.RealName);
        if (user.Channels.Count > 0)
        {
            client.Reply(IrcNumerics.RplWhoisChannels, user.Nick, string.Join(' ', user.Channels));
        }

        client.Reply(IrcNumerics.RplWhoisServer, user.Nick, user.ServerName ?? "*", user.IsAttached ? "ApartiumChat cluster node" : "detached: waiting to be resumed");
        if (!user.IsAttached)
        {
            client.Reply(IrcNumerics.RplAway, user.Nick, "Connection lost; the session waits to be resumed");
        }

        client.Reply(IrcNumerics.RplWhoisIdle, user.Nick, "0", Replies.Seconds(user.SignOn), "seconds idle, signon time");
        client.Reply(IrcNumerics.RplEndOfWhois, user.Nick, "End of /WHOIS list");
    }
}
