using ApartiumChat.Protocol;
using ApartiumChat.Server.Cluster;
using ApartiumChat.Server.Node;

namespace ApartiumChat.Server.Commands;

/// <summary>WHO #channel | WHO mask: 352 per match, then 315.</summary>
internal sealed class WhoCommand : CommandHandler
{
    public override string Name => IrcCommands.Who;

    public override void Handle(ClientConnection client, IrcMessage message)
    {
        var mask = message.Param(0) ?? "*";
        if (ChannelName.StartsWithChannelType(mask))
        {
            if (client.Cluster.FindChannel(mask) is { } channel)
            {
                foreach (var member in channel.Members)
                {
                    Reply(client, channel.Name, member.Nick, member.User, member.Host, member.ServerName, member.RealName, member.IsAttached, member.Prefixes);
                }
            }
        }
        else
        {
            var caseMapping = IrcCaseMapping.FromName(client.Server.Options.CaseMapping);
            foreach (var user in client.Cluster.Users().Where(u => Matches(mask, u, caseMapping)).Take(200))
            {
                Reply(client, "*", user.Nick, user.User, user.Host, user.ServerName ?? client.Server.Name, user.RealName, user.IsAttached, string.Empty);
            }
        }

        client.Reply(IrcNumerics.RplEndOfWho, mask, "End of WHO list");
    }

    private static bool Matches(string mask, UserView user, IrcCaseMapping caseMapping) =>
        mask is "*" or "0"
        || IrcMask.IsMatch(mask, user.Nick, caseMapping)
        || IrcMask.IsMatch(mask, $"{user.Nick}!{user.User}@{user.Host}", caseMapping);

    private static void Reply(ClientConnection client, string channel, string nick, string user, string host, string server, string realName, bool attached, string prefixes) =>
        client.Reply(IrcNumerics.RplWhoReply, channel, user, host, string.IsNullOrEmpty(server) ? "*" : server, nick, (attached ? "H" : "G") + prefixes, "0 " + realName);
}
