using System.Globalization;
using ApartiumChat.Client.Connection;
using ApartiumChat.Client.Events;
using ApartiumChat.Client.Receiving;
using ApartiumChat.Protocol;

namespace ApartiumChat.Client;

/// <summary>
/// Receiving exactly once, in order: live delivery with deduplication, and after a reconnect
/// the replay of what was missed (CHATHISTORY AFTER the last msgid seen, page by page), with
/// live messages of that conversation held back until the replay is done.
/// </summary>
/// <remarks>
/// The server delivers live in the order of its history log, and a replay returns log order,
/// so the last msgid seen marks exactly where a replay starts. A message reaches the
/// application once: a msgid already delivered lately is dropped, and held live messages that
/// the replay already covered are skipped.
/// </remarks>
public sealed partial class HaClient
{
    private static readonly TimeSpan TimestampSlack = TimeSpan.FromMilliseconds(1);

    private readonly Dictionary<string, Conversation> _conversations = new(StringComparer.Ordinal);
    private readonly List<Conversation> _conversationOrder = [];
    private readonly List<Unverified> _unverified = [];
    private int _replaysPending;
    private int _replayedTotal;
    private bool _historyComplete;
    private string? _historyNote;

    private Conversation ConversationFor(string name, bool isChannel)
    {
        var key = Fold(name);
        if (!_conversations.TryGetValue(key, out var conversation))
        {
            conversation = new Conversation(name, isChannel, Options.DeduplicationWindow);
            _conversations.Add(key, conversation);
            _conversationOrder.Add(conversation);
        }

        return conversation;
    }

    private void ReceiveLive(ServerConnection connection, Conversation conversation, IrcMessage message)
    {
        if (connection.Retired)
        {
            // Left behind (declared dead, or moved away from) but still read for late
            // acknowledgements: what it delivers now comes again by the replay on the next
            // connection, which starts after the last message delivered. Delivering it here
            // could skip what was dropped unverified when the connection was given up
            // (found by the fault search: a shutdown notice behind a slow downstream).
            return;
        }

        if (conversation.Replaying)
        {
            conversation.Held.Add((connection, message));
            return;
        }

        if (conversation.Unverified > 0 || IsSuspect(connection))
        {
            // Not handed out until a PING sent after it is answered with none missing.
            _unverified.Add(new Unverified(connection, conversation, message, connection.LastPingSent));
            conversation.Unverified++;
            return;
        }

        Deliver(connection, conversation, message, DeliveryKind.Live);
    }

    /// <summary>
    /// A PING of ours has waited far longer than answers usually take: the link may be losing
    /// data, and a message arriving now may have a lost one before it.
    /// </summary>
    private bool IsSuspect(ServerConnection connection)
    {
        if (connection.OldestUnansweredPing is not { } oldest)
        {
            return false;
        }

        var usual = _serverStatus[connection.Index].RoundTrip ?? TimeSpan.Zero;
        var limit = TimeSpan.FromTicks(Math.Max(Options.HeartbeatTimeout.Ticks / 4, usual.Ticks * 2));
        return _time.GetElapsedTime(oldest) > limit;
    }

    /// <summary>PING n answered with none missing: messages that arrived before it was sent are whole.</summary>
    private void ReleaseVerified(ServerConnection connection, long answered)
    {
        var released = 0;
        for (var i = 0; i < _unverified.Count; i++)
        {
            var item = _unverified[i];
            if (item.Connection != connection)
            {
                continue;
            }

            if (item.PingsBefore >= answered)
            {
                break;
            }

            item.Conversation.Unverified--;
            Deliver(connection, item.Conversation, item.Message, DeliveryKind.Live);
            _unverified[i] = default;
            released++;
        }

        if (released > 0)
        {
            _unverified.RemoveAll(u => u.Connection is null);
        }
    }

    /// <summary>The connection failed: what it left unverified will come again by replay.</summary>
    private void DropUnverified(ServerConnection connection)
    {
        foreach (var item in _unverified.Where(u => u.Connection == connection))
        {
            item.Conversation.Unverified--;
        }

        _unverified.RemoveAll(u => u.Connection == connection);
    }

    /// <summary>Hands a message to the application unless its msgid was delivered already.</summary>
    private bool Deliver(ServerConnection connection, Conversation conversation, IrcMessage message, DeliveryKind kind)
    {
        var msgId = message.GetTag(IrcTagNames.MsgId);
        if (msgId is not null)
        {
            if (!conversation.Recent.Add(msgId))
            {
                return false;
            }

            conversation.LastMsgId = msgId;
        }

        conversation.DeliveredSinceCheckpoint++;
        DateTimeOffset? sentAt = message.GetTag(IrcTagNames.Time) is { } text && ServerTime.TryParse(text, out var time) ? time : null;
        conversation.LastTime = sentAt ?? conversation.LastTime;
        var sender = IrcSource.NickOf(message.Source!).ToString();
        Publish(new MessageReceived(
            Now, _id, connection.Server.Id, conversation.Name, !conversation.IsChannel, sender, message.Param(1) ?? string.Empty,
            msgId, sentAt, kind, message.Command));
        return true;
    }

    private void StartReplays(ServerConnection connection)
    {
        _replaysPending = 0;
        _replayedTotal = 0;
        _historyComplete = true;
        _historyNote = null;
        foreach (var conversation in _conversationOrder)
        {
            if (conversation.IsChannel ? !_joined.Exists(j => SameName(j, conversation.Name)) : conversation.LastMsgId is null)
            {
                continue;
            }

            if (!connection.Has(ServerCapabilities.ChatHistory | ServerCapabilities.Batch))
            {
                Publish(new HistoryReplayed(Now, _id, connection.Server.Id, conversation.Name, 0, HistoryOutcome.Unavailable, "the server has no draft/chathistory"));
                _historyComplete = false;
                _historyNote = $"{connection.Server.Id} keeps no history: messages sent while away are lost";
                continue;
            }

            string reference;
            if (conversation.LastMsgId is { } id)
            {
                reference = "msgid=" + id;
            }
            else if ((conversation.LastTime ?? conversation.JoinedAt) is { } since)
            {
                reference = TimeReference(since); // nothing seen yet: everything since joining
            }
            else
            {
                continue;
            }

            conversation.Replaying = true;
            conversation.ReplayConnection = connection;
            conversation.Held.Clear();
            conversation.Replayed = 0;
            conversation.LastReplayed = null;
            conversation.Outcome = HistoryOutcome.Complete;
            conversation.OutcomeDetail = null;
            conversation.AskedByMsgId = conversation.LastMsgId is not null;
            RequestHistory(connection, conversation, reference);
            _replaysPending++;
        }

        if (_replaysPending == 0)
        {
            CompleteRecovery(connection);
        }
    }

    private static string TimeReference(DateTimeOffset time) => "timestamp=" + ServerTime.Format(time - TimestampSlack);

    private static void RequestHistory(ServerConnection connection, Conversation conversation, string reference) =>
        connection.Send(new IrcMessage(
            IrcCommands.ChatHistory, "AFTER", conversation.Name, reference, connection.HistoryPageSize.ToString(CultureInfo.InvariantCulture)));

    private void OnBatch(ServerConnection connection, IrcMessage message)
    {
        if (message.Param(0) is not { Length: > 1 } reference)
        {
            return;
        }

        var id = reference[1..];
        if (reference[0] == '+')
        {
            connection.Batches[id] = new OpenBatch(message.Param(1) ?? string.Empty, message.Param(2), message.GetTag(IrcTagNames.Label));
            return;
        }

        if (reference[0] == '-' && connection.Batches.Remove(id, out var batch)
            && batch.Type == IrcBatchTypes.ChatHistory && batch.Target is { } target
            && _conversations.TryGetValue(Fold(target), out var conversation))
        {
            OnHistoryPage(connection, conversation, batch.Messages);
        }
    }

    /// <summary>A message inside a chathistory batch is collected, not delivered live.</summary>
    private static bool IsHistoryBatch(ServerConnection connection, IrcMessage message)
    {
        if (message.GetTag(IrcTagNames.Batch) is not { } id || !connection.Batches.TryGetValue(id, out var batch) || batch.Type != IrcBatchTypes.ChatHistory)
        {
            return false;
        }

        batch.Messages.Add(message);
        return true;
    }

    private void OnHistoryPage(ServerConnection connection, Conversation conversation, List<IrcMessage> page)
    {
        if (!conversation.Replaying || conversation.ReplayConnection != connection)
        {
            return; // an answer to a replay that a reconnect abandoned
        }

        foreach (var message in page)
        {
            var msgId = message.GetTag(IrcTagNames.MsgId);
            conversation.LastReplayed = msgId ?? conversation.LastReplayed;
            if (message.Source is { } source && SameName(IrcSource.NickOf(source).ToString(), _nick))
            {
                conversation.LastMsgId = msgId ?? conversation.LastMsgId; // ours: seen, not delivered
                continue;
            }

            if (Deliver(connection, conversation, message, DeliveryKind.History))
            {
                conversation.Replayed++;
            }
            else if (msgId is not null)
            {
                conversation.LastMsgId = msgId; // delivered before: the replay still moves past it
            }
        }

        if (page.Count >= connection.HistoryPageSize && conversation.LastReplayed is { } last)
        {
            conversation.AskedByMsgId = true;
            RequestHistory(connection, conversation, "msgid=" + last);
            return;
        }

        FinishReplay(connection, conversation);
    }

    private void OnHistoryFailure(ServerConnection connection, IrcMessage message)
    {
        // FAIL CHATHISTORY <code> <subcommand> <target> :description
        if (message.Param(3) is not { } target || !_conversations.TryGetValue(Fold(target), out var conversation)
            || !conversation.Replaying || conversation.ReplayConnection != connection)
        {
            Publish(new ServerNotice(Now, _id, connection.Server.Id, string.Join(' ', message.Params)));
            return;
        }

        var since = conversation.LastTime ?? conversation.JoinedAt;
        if (message.Param(1) == StandardReplyCodes.MessageError && conversation.AskedByMsgId && since is { } time)
        {
            // The server does not know the last msgid seen (expired, or another network): ask by time.
            conversation.AskedByMsgId = false;
            conversation.Outcome = HistoryOutcome.ByTimestamp;
            conversation.OutcomeDetail = $"{connection.Server.Id} does not know the last message seen; recovered by time, which may miss some";
            RequestHistory(connection, conversation, TimeReference(time));
            return;
        }

        conversation.Outcome = HistoryOutcome.Unavailable;
        conversation.OutcomeDetail = $"{message.Param(1)}: {message.LastParam}";
        FinishReplay(connection, conversation);
    }

    private void OnHistoryUnsupported(ServerConnection connection)
    {
        foreach (var conversation in _conversationOrder.Where(c => c.Replaying && c.ReplayConnection == connection).ToList())
        {
            conversation.Outcome = HistoryOutcome.Unavailable;
            conversation.OutcomeDetail = "the server does not know CHATHISTORY";
            FinishReplay(connection, conversation);
        }
    }

    private void FinishReplay(ServerConnection connection, Conversation conversation)
    {
        conversation.Replaying = false;
        conversation.ReplayConnection = null;
        var held = conversation.Held.ToList();
        conversation.Held.Clear();

        // Live messages held during the replay: those up to the replay's last one it covered already.
        var start = conversation.LastReplayed is { } last ? held.FindIndex(h => h.Message.GetTag(IrcTagNames.MsgId) == last) + 1 : 0;
        for (var i = start; i < held.Count; i++)
        {
            ReceiveLive(held[i].Connection, conversation, held[i].Message);
        }

        Publish(new HistoryReplayed(Now, _id, connection.Server.Id, conversation.Name, conversation.Replayed, conversation.Outcome, conversation.OutcomeDetail));
        _replayedTotal += conversation.Replayed;
        if (conversation.Outcome != HistoryOutcome.Complete)
        {
            _historyComplete = false;
            _historyNote ??= conversation.OutcomeDetail;
        }

        if (--_replaysPending == 0)
        {
            CompleteRecovery(connection);
        }
    }

    private void CompleteRecovery(ServerConnection connection)
    {
        if (_recoveryPurpose != ConnectionPurpose.Initial)
        {
            Publish(new RecoveryCompleted(Now, _id, connection.Server.Id, _recoveryPurpose, _replayedTotal, _resentAtActivation, _historyComplete, _historyNote));
        }
    }

    /// <summary>A heartbeat answered with none missing: everything received before it arrived whole.</summary>
    private void CheckpointConversations()
    {
        foreach (var conversation in _conversationOrder)
        {
            conversation.Checkpoint();
        }
    }

    /// <summary>The link may have lost lines before others that arrived: replay from the last safe point.</summary>
    private void RollBackConversations()
    {
        foreach (var conversation in _conversationOrder)
        {
            conversation.RollBack(Options.DeduplicationWindow);
        }
    }

    /// <summary>The connection died mid-replay: what was held will come again in the next one.</summary>
    private void AbandonReplays()
    {
        foreach (var conversation in _conversationOrder)
        {
            conversation.Replaying = false;
            conversation.ReplayConnection = null;
            conversation.Held.Clear();
        }

        _replaysPending = 0;
    }

    /// <summary>A live message waiting for proof that nothing before it was lost.</summary>
    private readonly record struct Unverified(ServerConnection Connection, Conversation Conversation, IrcMessage Message, long PingsBefore);
}
