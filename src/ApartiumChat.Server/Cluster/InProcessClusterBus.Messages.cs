using ApartiumChat.Server.History;
using ApartiumChat.Server.Messages;

namespace ApartiumChat.Server.Cluster;

/// <summary>Chat messages: channel and private sends, idempotency, history.</summary>
public sealed partial class InProcessClusterBus
{
    public SendResult SendToChannel(Session session, string channel, MessageDraft draft)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(draft);
        lock (_gate)
        {
            if (!_channels.TryGetValue(Fold(channel), out var target))
            {
                return SendResult.Refused(ClusterError.NoSuchChannel, channel);
            }

            if (SendRefusal(target, session) is var refusal and not ClusterError.None)
            {
                return SendResult.Refused(refusal, target.Name);
            }

            if (FindDuplicate(session, draft) is { } original)
            {
                return SendResult.Duplicate(original, target.Name);
            }

            var message = Publish(session, target.Name, draft, target.History);
            foreach (var member in target.Members)
            {
                if (member.Session != session)
                {
                    member.Session.Deliver(message);
                }
            }

            return SendResult.Accepted(message, target.Name);
        }
    }

    public SendResult SendToNick(Session session, string nick, MessageDraft draft)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(draft);
        lock (_gate)
        {
            if (!_sessionsByNick.TryGetValue(Fold(nick), out var recipient))
            {
                return SendResult.Refused(ClusterError.NoSuchNick, nick);
            }

            if (FindDuplicate(session, draft) is { } original)
            {
                return SendResult.Duplicate(original, recipient.Nick);
            }

            var message = Publish(session, recipient.Nick, draft, Conversation(session, recipient));
            if (recipient != session)
            {
                recipient.Deliver(message);
            }

            return SendResult.Accepted(message, recipient.Nick);
        }
    }

    public HistoryResult QueryHistory(Session session, string target, HistoryQuery query)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(query);
        lock (_gate)
        {
            HistoryLog log;
            string name;
            if (_channels.TryGetValue(Fold(target), out var channel))
            {
                if (channel.Find(session) is null)
                {
                    return new HistoryResult(ClusterError.NotOnChannel, channel.Name, []);
                }

                (log, name) = (channel.History, channel.Name);
            }
            else if (_sessionsByNick.TryGetValue(Fold(target), out var peer))
            {
                (log, name) = (Conversation(session, peer), peer.Nick);
            }
            else
            {
                return new HistoryResult(ClusterError.NoSuchChannel, target, []);
            }

            if ((query.First is { } first && !log.CanResolve(first)) || (query.Second is { } second && !log.CanResolve(second)))
            {
                return new HistoryResult(ClusterError.UnknownMessageId, name, []);
            }

            var limit = Math.Min(query.Limit, _options.History.MaxMessagesPerRequest);
            var messages = query.Subcommand switch
            {
                "LATEST" => log.Latest(query.First, limit),
                "BEFORE" => log.Before(query.First!, limit),
                "AFTER" => log.After(query.First!, limit),
                "AROUND" => log.Around(query.First!, limit),
                "BETWEEN" => log.Between(query.First!, query.Second!, limit),
                _ => throw new ArgumentException($"Unknown CHATHISTORY subcommand '{query.Subcommand}'", nameof(query)),
            };
            return new HistoryResult(ClusterError.None, name, messages);
        }
    }

    private ClusterError SendRefusal(Channel channel, Session session)
    {
        var member = channel.Find(session);
        if (member is null)
        {
            return channel.Modes.NoOutsideMessages || IsBanned(channel, session) ? ClusterError.CannotSendToChannel : ClusterError.None;
        }

        if (member.IsOperator || member.IsVoiced)
        {
            return ClusterError.None;
        }

        return channel.Modes.Moderated || IsBanned(channel, session) ? ClusterError.CannotSendToChannel : ClusterError.None;
    }

    private OutboundMessage? FindDuplicate(Session session, MessageDraft draft) =>
        draft.IdempotencyKey is { } key && session.IdempotencyKeys.TryGet(key, Now, out var original) ? original : null;

    // Appends to the log and records the key in one step, under the lock: a retry racing
    // its original on another server sees either nothing or the accepted original.
    private OutboundMessage Publish(Session session, string target, MessageDraft draft, HistoryLog log)
    {
        var now = Now;
        var time = log.LastTime is { } last && last > now ? last : now;
        var parameters = draft.Text is null ? new[] { target } : [target, draft.Text];
        var message = new OutboundMessage(session.Mask, draft.Command, parameters, time, _ids.NewMessageId(), draft.ClientTags, session.Id, log.NextSequence);
        log.Append(message);
        if (draft.IdempotencyKey is { } key)
        {
            session.IdempotencyKeys.Add(key, message, now + _options.Ha.IdempotencyRetention, now);
        }

        return message;
    }

    private HistoryLog Conversation(Session a, Session b)
    {
        var key = a.Id < b.Id ? (a.Id, b.Id) : (b.Id, a.Id);
        if (!_conversations.TryGetValue(key, out var log))
        {
            log = new HistoryLog(_options.History.MaxMessagesPerTarget);
            _conversations.Add(key, log);
        }

        return log;
    }
}
