using System.Globalization;
using ApartiumChat.Protocol;
using ApartiumChat.Server.Cluster;
using ApartiumChat.Server.Messages;
using ApartiumChat.Server.Node;

namespace ApartiumChat.Server.Commands;

/// <summary>Replies several commands share: topic, names, ISUPPORT, LUSERS, MOTD.</summary>
internal static class Replies
{
    // 353 lines stay well under 512 bytes with room for the prefix and channel.
    private const int NamesLineBudget = 400;

    public static void SendTopic(ClientConnection client, ChannelView channel)
    {
        if (channel.Topic is null)
        {
            client.Reply(IrcNumerics.RplNoTopic, channel.Name, "No topic is set");
            return;
        }

        client.Reply(IrcNumerics.RplTopic, channel.Name, channel.Topic);
        client.Reply(IrcNumerics.RplTopicWhoTime, channel.Name, channel.TopicSetBy ?? "*", Seconds(channel.TopicSetAt));
    }

    /// <summary>After a JOIN: the topic only when there is one (Modern IRC).</summary>
    public static void SendTopicIfSet(ClientConnection client, ChannelView channel)
    {
        if (channel.Topic is not null)
        {
            SendTopic(client, channel);
        }
    }

    public static void SendNames(ClientConnection client, ChannelView channel)
    {
        var multiPrefix = client.Capabilities.HasFlag(ClientCapabilities.MultiPrefix);
        var line = new List<string>();
        var length = 0;
        foreach (var member in channel.Members)
        {
            var entry = (multiPrefix ? member.Prefixes : member.Prefixes[..Math.Min(1, member.Prefixes.Length)]) + member.Nick;
            if (length + entry.Length + 1 > NamesLineBudget && line.Count > 0)
            {
                client.Reply(IrcNumerics.RplNamReply, "=", channel.Name, string.Join(' ', line));
                line.Clear();
                length = 0;
            }

            line.Add(entry);
            length += entry.Length + 1;
        }

        if (line.Count > 0)
        {
            client.Reply(IrcNumerics.RplNamReply, "=", channel.Name, string.Join(' ', line));
        }

        client.Reply(IrcNumerics.RplEndOfNames, channel.Name, "End of /NAMES list");
    }

    public static void SendISupport(ClientConnection client)
    {
        foreach (var chunk in client.Server.Features.ISupport.Chunk(12))
        {
            client.Reply(IrcNumerics.RplISupport, [.. chunk, "are supported by this server"]);
        }
    }

    public static void SendLusers(ClientConnection client)
    {
        var (users, detached, channels) = client.Cluster.Counts();
        client.Reply(IrcNumerics.RplLUserClient, $"There are {users} users ({detached} detached, awaiting resume) on the cluster");
        client.Reply(IrcNumerics.RplLUserChannels, channels.ToString(CultureInfo.InvariantCulture), "channels formed");
        client.Reply(IrcNumerics.RplLUserMe, $"I have {client.Server.ConnectionCount} clients");
    }

    public static void SendMotd(ClientConnection client)
    {
        var motd = client.Server.Options.Motd;
        if (motd.Count == 0)
        {
            client.Reply(IrcNumerics.ErrNoMotd, "MOTD File is missing");
            return;
        }

        client.Reply(IrcNumerics.RplMotdStart, $"- {client.Server.Name} Message of the day - ");
        foreach (var line in motd)
        {
            client.Reply(IrcNumerics.RplMotd, "- " + line);
        }

        client.Reply(IrcNumerics.RplEndOfMotd, "End of /MOTD command.");
    }

    /// <summary>The numeric and text for a cluster refusal.</summary>
    public static void SendError(ClientConnection client, ClusterError error, string subject)
    {
        var (numeric, text) = error switch
        {
            ClusterError.NickInUse => (IrcNumerics.ErrNicknameInUse, "Nickname is already in use"),
            ClusterError.NoSuchNick => (IrcNumerics.ErrNoSuchNick, "No such nick/channel"),
            ClusterError.NoSuchChannel => (IrcNumerics.ErrNoSuchChannel, "No such channel"),
            ClusterError.CannotSendToChannel => (IrcNumerics.ErrCannotSendToChan, "Cannot send to channel"),
            ClusterError.TooManyChannels => (IrcNumerics.ErrTooManyChannels, "You have joined too many channels"),
            ClusterError.NotOnChannel => (IrcNumerics.ErrNotOnChannel, "You're not on that channel"),
            ClusterError.ChannelIsFull => (IrcNumerics.ErrChannelIsFull, "Cannot join channel (+l)"),
            ClusterError.BannedFromChannel => (IrcNumerics.ErrBannedFromChan, "Cannot join channel (+b)"),
            ClusterError.BadChannelKey => (IrcNumerics.ErrBadChannelKey, "Cannot join channel (+k)"),
            ClusterError.ChannelOperatorNeeded => (IrcNumerics.ErrChanOPrivsNeeded, "You're not channel operator"),
            ClusterError.BanListFull => ("478", "Channel ban list is full"),
            _ => (IrcNumerics.ErrUnknownError, error.ToString()),
        };
        client.Reply(numeric, subject, text);
    }

    public static string Seconds(DateTimeOffset time) => time.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
}
