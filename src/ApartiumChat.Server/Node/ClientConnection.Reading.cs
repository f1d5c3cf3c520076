using System.Buffers;
using System.IO.Pipelines;
using ApartiumChat.Protocol;
using ApartiumChat.Server.Diagnostics;

namespace ApartiumChat.Server.Node;

/// <summary>
/// The read side: frame, throttle, parse and dispatch, one line at a time.
/// Flood control is a token bucket: a client may send <c>FloodBurstLines</c> at once and
/// <c>FloodLinesPerSecond</c> after that; beyond it, reading pauses (throttling), and a client
/// that keeps sending while throttled until <c>FloodMaxQueuedBytes</c> wait unread is dropped.
/// </summary>
internal sealed partial class ClientConnection
{
    private readonly IrcLineReader _lines;
    private double _floodTokens = double.NaN;
    private long _floodRefilledAt;
    private volatile bool _closeRequested;
    private ITimer? _throttleTimer;
    private TimeSpan _throttledFor;
    private bool _throttled;
    private int _throttleWake;

    /// <summary>
    /// Asks the connection to close: queues <c>ERROR :message</c> and stops reading. Safe from
    /// any thread, never blocks; the read loop does the rest.
    /// </summary>
    public void RequestClose(string errorMessage, string reason)
    {
        if (_closeRequested)
        {
            return;
        }

        _closeRequested = true;
        _closeReason = reason;
        Enqueue(Encode(new IrcMessage(IrcCommands.Error, $"Closing link: {Host} ({errorMessage})")), force: true);
        _queue.Complete();
        _transport.Transport.Input.CancelPendingRead();
    }

    /// <summary>
    /// Out of flood tokens: the unread lines wait, and the read loop is woken when the bucket
    /// has refilled (its pending read cancelled) or when more bytes arrive before that.
    /// </summary>
    private void Throttle(TimeSpan wait)
    {
        _throttled = true;
        _throttledFor = wait;
        _throttleTimer ??= _server.Time.CreateTimer(static s => ((ClientConnection)s!).ThrottleElapsed(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _throttleTimer.Change(wait, Timeout.InfiniteTimeSpan);
    }

    /// <summary>The timer's wake-up: marked first, so the read loop can tell it from a close.</summary>
    private void ThrottleElapsed()
    {
        Volatile.Write(ref _throttleWake, 1);
        _transport.Transport.Input.CancelPendingRead();
    }

    /// <summary>Whether a cancelled read is the throttle timer's wake-up (taken: it counts once).</summary>
    private bool TakeThrottleWake(ReadResult result) =>
        result.IsCanceled && Interlocked.Exchange(ref _throttleWake, 0) == 1;

    /// <summary>
    /// Throttled: keeps every unread byte but marks it examined, so the next read returns as
    /// soon as more arrives, and drops the client once more than <c>FloodMaxQueuedBytes</c>
    /// wait unread. False when the client is being dropped.
    /// </summary>
    private bool KeepThrottled(PipeReader input, ReadOnlySequence<byte> unread)
    {
        input.AdvanceTo(unread.Start, unread.End);
        if (unread.Length > _server.Options.Limits.FloodMaxQueuedBytes)
        {
            RequestClose("Excess flood", "flooding");
            return false;
        }

        return true;
    }

    /// <summary>Handles every complete line; returns how long to wait if the client ran out of flood tokens.</summary>
    private TimeSpan HandleLines(ref ReadOnlySequence<byte> buffer)
    {
        var lines = 0;
        var before = buffer.Length;
        using var batch = DeliveryBatch.Begin();
        try
        {
            while (!_closeRequested)
            {
                var wait = TakeFloodToken();
                if (wait > TimeSpan.Zero)
                {
                    return wait;
                }

                var status = _lines.TryReadLine(ref buffer, out var line);
                if (status == IrcLineStatus.NeedMoreData)
                {
                    ReturnFloodToken();
                    return TimeSpan.Zero;
                }

                lines++;
                if (status == IrcLineStatus.TooLong)
                {
                    Reply(IrcNumerics.ErrInputTooLong, "Input line was too long");
                    continue;
                }

                HandleLine(line);
            }

            return TimeSpan.Zero;
        }
        finally
        {
            _server.Metrics.Received(lines, before - buffer.Length);
            DeliveryBatch.Handled(lines);
        }
    }

    private void HandleLine(ReadOnlySpan<byte> line)
    {
        if (!IrcLine.TryParse(line, out var parsed, out var error))
        {
            switch (error)
            {
                case IrcParseError.InvalidUtf8:
                    Fail("*", "INVALID_UTF8", "Message rejected: it is not valid UTF-8");
                    break;
                case IrcParseError.ContainsNul:
                    Fail("*", "INVALID_MESSAGE", "Message rejected: it contains a NUL byte");
                    break;
                case IrcParseError.MissingCommand:
                    break; // a bare tag or source line: nothing to do
                default:
                    Fail("*", "INVALID_MESSAGE", "Message rejected: " + error.Describe());
                    break;
            }

            return;
        }

        Dispatch(parsed.ToMessage());
    }

    private void Dispatch(IrcMessage message)
    {
        var handler = _server.Commands.Find(message.Command);
        if (handler is null)
        {
            if (IsRegistered)
            {
                Reply(IrcNumerics.ErrUnknownCommand, message.Command.ToUpperInvariant(), "Unknown command");
            }
            else
            {
                Reply(IrcNumerics.ErrNotRegistered, "You have not registered");
            }

            return;
        }

        if (!IsRegistered && !handler.AllowedBeforeRegistration)
        {
            Reply(IrcNumerics.ErrNotRegistered, "You have not registered");
            return;
        }

        if (message.Params.Length < handler.MinimumParameters)
        {
            Reply(IrcNumerics.ErrNeedMoreParams, handler.Name, "Not enough parameters");
            return;
        }

        BeginResponse(message);
        try
        {
            handler.Handle(this, message);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException or IrcLineTooLongException)
        {
            // A handler bug must cost one command, not the connection or the server.
            ServerLog.HandlerFailed(_server.Logger, e, Id, message.Command);
            Fail(message.Command.ToUpperInvariant(), "INTERNAL_ERROR", "The server could not handle this command");
        }
        finally
        {
            EndResponse();
        }
    }

    private TimeSpan TakeFloodToken()
    {
        var limits = _server.Options.Limits;
        if (limits.FloodLinesPerSecond <= 0)
        {
            return TimeSpan.Zero;
        }

        var now = _server.Time.GetTimestamp();
        if (double.IsNaN(_floodTokens))
        {
            _floodTokens = limits.FloodBurstLines;
            _floodRefilledAt = now;
        }

        var refill = _server.Time.GetElapsedTime(_floodRefilledAt, now).TotalSeconds * limits.FloodLinesPerSecond;
        _floodTokens = Math.Min(limits.FloodBurstLines, _floodTokens + refill);
        _floodRefilledAt = now;
        if (_floodTokens >= 1)
        {
            _floodTokens -= 1;
            return TimeSpan.Zero;
        }

        // Whole milliseconds, at least one: a shorter delay completes at once, refills nothing
        // and would spin the loop (on a simulation loop, virtual time would stand still).
        var wait = (1 - _floodTokens) / limits.FloodLinesPerSecond;
        return TimeSpan.FromMilliseconds(Math.Max(1, Math.Ceiling(wait * 1000)));
    }

    private void ReturnFloodToken()
    {
        if (_server.Options.Limits.FloodLinesPerSecond > 0)
        {
            _floodTokens += 1;
        }
    }
}
