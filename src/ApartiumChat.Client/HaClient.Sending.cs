using System.Globalization;
using System.Text;
using ApartiumChat.Client.Connection;
using ApartiumChat.Client.Events;
using ApartiumChat.Client.Sending;
using ApartiumChat.Protocol;

namespace ApartiumChat.Client;

/// <summary>
/// Sending: every message goes through the outbox and stays there until the cluster
/// acknowledges it.
/// <code>
///   Post --> outbox (bounded, ordered) --pump, at most SendWindow unacknowledged--> server
///              ^  resend all, same keys, after a reconnect       |
///              +---- echo with our label (or PONG barrier) &lt;------+  -> MessageAcknowledged
///   deadline passed -> MessageFailed(Timeout); outbox full -> MessageFailed(OutboxFull)
/// </code>
/// Each message carries an idempotency key (also its label). After a reconnect the cluster
/// answers a resent key it already has with the original's msgid and delivers nothing again.
/// </summary>
public sealed partial class HaClient
{
    // Host names run to 63 bytes: what the server may put in our source before it is known.
    private const int AssumedHostLength = 63;

    private readonly Outbox _outbox;
    private readonly string _keyPrefix;
    private long _nextLocalId;
    private int _inFlight;
    private bool _pumpPaused;
    private ITimer? _sendTimer;
    private long _sendTimerDue = long.MaxValue;
    private string? _ownSource;

    /// <summary>
    /// Queues a PRIVMSG to a channel or nick and returns at once. The outcome follows as
    /// events: <see cref="MessageQueued"/>, <see cref="MessageSent"/>, then
    /// <see cref="MessageAcknowledged"/> or <see cref="MessageFailed"/>. A refusal (outbox full,
    /// invalid, too long, stopped) is published and returned at once. Thread-safe.
    /// </summary>
    /// <param name="target">A channel or a nick.</param>
    /// <param name="text">One line of text.</param>
    /// <param name="applicationId">The caller's own id for this message, repeated in its events.</param>
    public SendTicket Post(string target, string text, string? applicationId = null) =>
        Queue(IrcCommands.Privmsg, target, text, applicationId, completion: null);

    /// <summary>
    /// Sends a PRIVMSG and completes when the cluster acknowledges it.
    /// </summary>
    /// <exception cref="SendFailedException">The send was given up (its reason says why); never hangs past the send timeout.</exception>
    /// <exception cref="OperationCanceledException">Only the wait was cancelled: the message stays in the outbox.</exception>
    public async Task<MessageAcknowledgement> SendAsync(string target, string text, string? applicationId = null, CancellationToken cancellationToken = default)
    {
        var completion = new TaskCompletionSource<MessageAcknowledgement>(TaskCreationOptions.RunContinuationsAsynchronously);
        Queue(IrcCommands.Privmsg, target, text, applicationId, completion);
        using (cancellationToken.Register(static s => ((TaskCompletionSource<MessageAcknowledgement>)s!).TrySetCanceled(), completion))
        {
            return await completion.Task;
        }
    }

    /// <summary>The longest text (UTF-8 bytes) one message to <paramref name="target"/> can carry.</summary>
    public int MaxTextBytes(string target)
    {
        ArgumentNullException.ThrowIfNull(target);
        lock (_gate)
        {
            var source = _ownSource?.Length ?? (_nick.Length + 2 + (Options.UserName ?? Options.Nick).Length + 1 + AssumedHostLength);

            // ":source PRIVMSG target :text\r\n" as the server relays it must fit in 512 bytes.
            return IrcLineLimits.DefaultMaxRestLength - 2 - (1 + source + 1) - (IrcCommands.Privmsg.Length + 1 + Encoding.UTF8.GetByteCount(target) + 2);
        }
    }

    private SendTicket Queue(string command, string target, string text, string? applicationId, TaskCompletionSource<MessageAcknowledgement>? completion)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(text);
        var max = MaxTextBytes(target);
        using (Enter())
        {
            var localId = ++_nextLocalId;
            if (Refusal(target, text, max) is { } refusal)
            {
                Publish(new MessageFailed(Now, _id, localId, applicationId, target, refusal.Reason, refusal.Detail));
                completion?.TrySetException(new SendFailedException(refusal.Reason, refusal.Detail));
                return new SendTicket(localId, null, refusal.Reason);
            }

            var key = _keyPrefix + "." + localId.ToString(CultureInfo.InvariantCulture);
            var now = _time.GetTimestamp();
            var entry = new OutboxEntry(localId, applicationId, command, target, text, key, now, now + Stamps(Options.SendTimeout))
            {
                Completion = completion,
            };
            _outbox.Add(entry);
            Publish(new MessageQueued(Now, _id, localId, applicationId, target, key));
            ArmSendTimer();
            Pump();
            return new SendTicket(localId, key, null);
        }
    }

    private (SendFailureReason Reason, string Detail)? Refusal(string target, string text, int max)
    {
        if (_stopping.IsCancellationRequested || _state == ClientState.Stopped)
        {
            return (SendFailureReason.Stopped, "the client has stopped");
        }

        if (!ChannelName.IsValid(target) && !Nickname.IsValid(target, 64))
        {
            return (SendFailureReason.Invalid, $"'{target}' is neither a channel nor a nick");
        }

        if (text.Length == 0 || text.AsSpan().IndexOfAny("\r\n\0") >= 0)
        {
            return (SendFailureReason.Invalid, "the text must be one non-empty line");
        }

        var bytes = Encoding.UTF8.GetByteCount(text);
        if (bytes > max)
        {
            return (SendFailureReason.TooLong, $"the text takes {bytes} bytes; one message to {target} holds at most {max}");
        }

        return _outbox.IsFull
            ? (SendFailureReason.OutboxFull, $"{_outbox.Count} messages already wait for acknowledgement")
            : null;
    }

    /// <summary>Writes waiting messages to the server in use, in order, within the send window. Under the lock.</summary>
    private void Pump()
    {
        if (_current is not { } connection || connection.Retired || _pumpPaused)
        {
            return;
        }

        var wrote = false;
        for (var node = _outbox.First; node is not null && _inFlight < Options.SendWindow; node = node.Next)
        {
            var entry = node.Value;
            if (entry.SentOn == connection)
            {
                continue;
            }

            entry.PingsBefore = connection.LastPingSent;
            connection.Send(Encode(connection, entry));
            entry.SentOn = connection;
            entry.Attempts++;
            entry.Barrier = long.MaxValue;
            _inFlight++;
            wrote = true;
            Publish(new MessageSent(Now, _id, entry.LocalId, entry.ApplicationId, connection.Server.Id, entry.Attempts));
        }

        if (wrote && !connection.Has(ServerCapabilities.EchoMessage))
        {
            // Without echo, the answer to a PING sent after them shows the server has read them.
            var barrier = connection.SendPing();
            for (var node = _outbox.First; node is not null; node = node.Next)
            {
                if (node.Value.SentOn == connection && node.Value.Barrier == long.MaxValue)
                {
                    node.Value.Barrier = barrier;
                }
            }
        }
    }

    private static IrcMessage Encode(ServerConnection connection, OutboxEntry entry)
    {
        var message = new IrcMessage(entry.Command, entry.Target, entry.Text);
        if (connection.Has(ServerCapabilities.LabeledResponse))
        {
            message = message.WithTag(IrcTagNames.Label, entry.Key);
        }

        if (connection.Has(ServerCapabilities.Ha))
        {
            message = message.WithTag(IrcTagNames.ApartiumIdempotencyKey, entry.Key);
        }

        return message;
    }

    /// <summary>After a reconnect: every unacknowledged message goes out again, in order. Returns how many.</summary>
    private int ResendOutbox()
    {
        _inFlight = 0;
        _pumpPaused = false;
        var waiting = _outbox.Count;
        for (var node = _outbox.First; node is not null; node = node.Next)
        {
            node.Value.SentOn = null;
        }

        Pump();
        return waiting;
    }

    /// <summary>Our own message came back: the acknowledgement of the send it answers.</summary>
    private void OnOwnMessage(ServerConnection connection, IrcMessage message, string? label)
    {
        OutboxEntry? entry = null;
        if (label is not null)
        {
            _outbox.TryGet(label, out entry);
        }
        else if (!connection.Has(ServerCapabilities.LabeledResponse))
        {
            entry = FirstSentOn(connection); // echoes come back in send order
        }

        if (entry is not null)
        {
            var skipped = SkipsAnEarlierSend(connection, entry);
            Acknowledge(entry, connection, message.GetTag(IrcTagNames.MsgId), message.HasTag(IrcTagNames.ApartiumDuplicate));
            if (skipped)
            {
                DeclareDead(connection, DeathReason.DataLost, "a later message was acknowledged before an earlier one: the link loses data", null);
            }
        }
    }

    /// <summary>The server answers in order: an answer to a later send while an earlier one waits means a line was lost.</summary>
    private bool SkipsAnEarlierSend(ServerConnection connection, OutboxEntry answered) =>
        connection == _current && answered.SentOn == connection && connection.Has(ServerCapabilities.LabeledResponse)
        && FirstSentOn(connection) is { } first && first != answered;

    /// <summary>A labeled error reply or FAIL: the server refused that send.</summary>
    private bool TryReject(string? label, IrcMessage reply)
    {
        if (label is null || !_outbox.TryGet(label, out var entry))
        {
            return false;
        }

        var text = string.Join(' ', reply.Params.Skip(1));
        Fail(entry, SendFailureReason.Rejected, $"{reply.Command} {text}");
        Pump();
        return true;
    }

    /// <summary>
    /// A PING answered: on servers without echo, every message written before it was read; on
    /// servers with echo, the echo of every message written before it must have come already,
    /// and one still missing was lost on the way. Returns false when that happened.
    /// </summary>
    private bool AcknowledgeUpTo(ServerConnection connection, long sequence)
    {
        if (connection.Has(ServerCapabilities.EchoMessage))
        {
            return !(connection == _current && FirstSentOn(connection) is { } waiting && waiting.PingsBefore < sequence);
        }

        foreach (var entry in _outbox.Snapshot())
        {
            if (entry.SentOn == connection && entry.Barrier <= sequence)
            {
                Acknowledge(entry, connection, null, false);
            }
        }

        return true;
    }

    private void Acknowledge(OutboxEntry entry, ServerConnection connection, string? msgId, bool duplicate)
    {
        Remove(entry);
        var latency = _time.GetElapsedTime(entry.QueuedAt);
        var ack = new MessageAcknowledgement(entry.LocalId, entry.ApplicationId, msgId, connection.Server.Id, duplicate, latency);
        Publish(new MessageAcknowledged(Now, _id, entry.LocalId, entry.ApplicationId, entry.Target, connection.Server.Id, msgId, duplicate, latency));
        entry.Completion?.TrySetResult(ack);
        Pump();
    }

    private void Fail(OutboxEntry entry, SendFailureReason reason, string detail)
    {
        Remove(entry);
        Publish(new MessageFailed(Now, _id, entry.LocalId, entry.ApplicationId, entry.Target, reason, detail));
        entry.Completion?.TrySetException(new SendFailedException(reason, detail));
    }

    private void Remove(OutboxEntry entry)
    {
        if (entry.SentOn is not null && entry.SentOn == _current)
        {
            _inFlight--;
        }

        _outbox.Remove(entry);
        if (_inFlight == 0 && _drained is { } drained)
        {
            drained.TrySetResult();
        }
    }

    private OutboxEntry? FirstSentOn(ServerConnection connection)
    {
        for (var node = _outbox.First; node is not null; node = node.Next)
        {
            if (node.Value.SentOn == connection)
            {
                return node.Value;
            }
        }

        return null;
    }

    private void FailOutbox(SendFailureReason reason, string detail)
    {
        foreach (var entry in _outbox.Snapshot())
        {
            Fail(entry, reason, detail);
        }
    }

    private void ArmSendTimer()
    {
        if (_outbox.Oldest is not { } oldest)
        {
            return;
        }

        if (oldest.Deadline == _sendTimerDue)
        {
            return; // armed already: one timer change per deadline, not per message
        }

        _sendTimer ??= _time.CreateTimer(static s => ((HaClient)s!).OnSendTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        var now = _time.GetTimestamp();
        _sendTimerDue = oldest.Deadline;
        _sendTimer.Change(_time.GetElapsedTime(now, Math.Max(oldest.Deadline, now)), Timeout.InfiniteTimeSpan);
    }

    private void OnSendTimer()
    {
        using (Enter())
        {
            _sendTimerDue = long.MaxValue;
            var now = _time.GetTimestamp();
            while (_outbox.Oldest is { } oldest && oldest.Deadline <= now)
            {
                Fail(oldest, SendFailureReason.Timeout, $"not acknowledged within {Seconds(Options.SendTimeout)}");
            }

            if (_state != ClientState.Stopped)
            {
                ArmSendTimer();
                Pump();
            }
        }
    }
}
