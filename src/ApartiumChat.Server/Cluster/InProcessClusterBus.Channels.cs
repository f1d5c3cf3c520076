using ApartiumChat.Protocol;
using ApartiumChat.Server.Messages;

namespace ApartiumChat.Server.Cluster;

/// <summary>Channels: join, part, kick, topic and modes.</summary>
public sealed partial class InProcessClusterBus
{
    public (ChannelView? Channel, ClusterError Error) Join(Session session, string channel, string? key)
    {
        ArgumentNullException.ThrowIfNull(session);
        lock (_gate)
        {
            var folded = Fold(channel);
            var existing = _channels.GetValueOrDefault(folded);
            if (existing?.Find(session) is not null)
            {
                return (null, ClusterError.AlreadyOnChannel);
            }

            if (session.Channels.Count >= _options.Limits.MaxChannelsPerClient)
            {
                return (null, ClusterError.TooManyChannels);
            }

            if (existing is not null)
            {
                var refusal = JoinRefusal(existing, session, key);
                if (refusal != ClusterError.None)
                {
                    return (null, refusal);
                }
            }

            var target = existing ?? CreateChannel(channel, folded);
            target.Add(session, isOperator: existing is null);
            session.Channels.Add(target);
            DeliverToPeers([target], Event(session, "JOIN", target.Name), alsoTo: session);
            return (View(target, forMember: true), ClusterError.None);
        }
    }

    public ClusterError Part(Session session, string channel, string? reason)
    {
        ArgumentNullException.ThrowIfNull(session);
        lock (_gate)
        {
            if (!_channels.TryGetValue(Fold(channel), out var target))
            {
                return ClusterError.NoSuchChannel;
            }

            if (target.Find(session) is null)
            {
                return ClusterError.NotOnChannel;
            }

            var message = reason is null ? Event(session, "PART", target.Name) : Event(session, "PART", target.Name, reason);
            DeliverToPeers([target], message, alsoTo: null);
            Leave(target, session);
            return ClusterError.None;
        }
    }

    public ClusterError Kick(Session session, string channel, string targetNick, string? reason)
    {
        ArgumentNullException.ThrowIfNull(session);
        lock (_gate)
        {
            if (!_channels.TryGetValue(Fold(channel), out var target))
            {
                return ClusterError.NoSuchChannel;
            }

            var kicker = target.Find(session);
            if (kicker is null)
            {
                return ClusterError.NotOnChannel;
            }

            if (!kicker.IsOperator)
            {
                return ClusterError.ChannelOperatorNeeded;
            }

            var victim = _sessionsByNick.GetValueOrDefault(Fold(targetNick));
            if (victim is null || target.Find(victim) is null)
            {
                return ClusterError.UserNotInChannel;
            }

            DeliverToPeers([target], Event(session, "KICK", target.Name, victim.Nick, reason ?? session.Nick), alsoTo: null);
            Leave(target, victim);
            return ClusterError.None;
        }
    }

    public (ChannelView? Channel, ClusterError Error) SetTopic(Session session, string channel, string topic)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(topic);
        lock (_gate)
        {
            if (!_channels.TryGetValue(Fold(channel), out var target))
            {
                return (null, ClusterError.NoSuchChannel);
            }

            var member = target.Find(session);
            if (member is null)
            {
                return (null, ClusterError.NotOnChannel);
            }

            if (target.Modes.TopicOpsOnly && !member.IsOperator)
            {
                return (null, ClusterError.ChannelOperatorNeeded);
            }

            var text = OutboundMessage.FitText(topic, _options.Limits.TopicLength);
            target.Topic = text.Length == 0 ? null : text;
            target.TopicSetBy = session.Mask;
            target.TopicSetAt = Now;
            DeliverToPeers([target], Event(session, "TOPIC", target.Name, text), alsoTo: null);
            return (View(target, forMember: true), ClusterError.None);
        }
    }

    private ClusterError JoinRefusal(Channel channel, Session session, string? key)
    {
        if (channel.Modes.Key is { } required && !string.Equals(required, key, StringComparison.Ordinal))
        {
            return ClusterError.BadChannelKey;
        }

        if (channel.Modes.Limit is { } limit && channel.Members.Count >= limit)
        {
            return ClusterError.ChannelIsFull;
        }

        return IsBanned(channel, session) ? ClusterError.BannedFromChannel : ClusterError.None;
    }

    // A loop, not a lambda: this runs for every message a plain member sends, and a lambda
    // capturing the mask allocated a closure each time, bans or none.
    private bool IsBanned(Channel channel, Session session)
    {
        foreach (var ban in channel.Bans)
        {
            if (IrcMask.IsMatch(ban.Mask, session.Mask, _caseMapping))
            {
                return true;
            }
        }

        return false;
    }

    private Channel CreateChannel(string name, string folded)
    {
        var channel = new Channel(name, folded, Now, _options.History.MaxMessagesPerTarget);
        _channels.Add(folded, channel);
        return channel;
    }

    private void Leave(Channel channel, Session session)
    {
        channel.Remove(session);
        session.Channels.Remove(channel);
        DropIfEmpty(channel);
    }

    // A channel lives while it has members, attached or detached. Its history goes with it.
    private void DropIfEmpty(Channel channel)
    {
        if (channel.Members.Count == 0)
        {
            _channels.Remove(channel.FoldedName);
        }
    }

    private static ChannelView View(Channel channel, bool forMember) => new(
        channel.Name,
        channel.Created,
        channel.Topic,
        channel.TopicSetBy,
        channel.TopicSetAt,
        channel.Modes.Describe(showKey: forMember),
        channel.Members
            .Select(m => new MemberView(
                m.Session.Nick, m.Session.User, m.Session.Host, m.Session.RealName,
                m.Session.Endpoint?.ServerName ?? string.Empty, m.AllPrefixes, m.Session.IsAttached))
            .ToList());
}
