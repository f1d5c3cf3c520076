using ApartiumChat.Client.Connection;
using ApartiumChat.Client.Events;
using ApartiumChat.Protocol;

namespace ApartiumChat.Client;

/// <summary>
/// Heartbeats: the client sends <c>PING :apt&lt;n&gt;</c> every interval and declares the server
/// dead when one of them stays unanswered for the timeout.
/// </summary>
/// <remarks>
/// Only answers to the client's own PINGs count. Other clients' messages arriving prove the
/// server can write to us, not that our lines reach it (a link cut upstream only).
/// The deadline runs per PING, not from the last answer: a server that answers every PING
/// within the timeout is never declared dead, however its round trips jitter. So a server
/// that falls silent at t is declared dead between t + timeout - round trip and
/// t + interval + timeout.
/// One timer, re-armed only when it fires, at the earlier of the next PING and the oldest
/// PING's deadline.
/// </remarks>
public sealed partial class HaClient
{
    private ITimer? _heartbeatTimer;
    private ServerConnection? _heartbeatOn;
    private long _nextPingAt;

    private void StartHeartbeat(ServerConnection connection)
    {
        _heartbeatOn = connection;
        _nextPingAt = _time.GetTimestamp();
        _heartbeatTimer ??= _time.CreateTimer(static s => ((HaClient)s!).OnHeartbeatTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        Beat();
    }

    private void StopHeartbeat()
    {
        _heartbeatOn = null;
        _heartbeatTimer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    private void OnHeartbeatTimer()
    {
        using (Enter())
        {
            Beat();
        }
    }

    private void Beat()
    {
        if (_heartbeatOn is not { } connection || connection != _current)
        {
            return;
        }

        var now = _time.GetTimestamp();
        var timeout = Stamps(Options.HeartbeatTimeout);
        if (connection.OldestUnansweredPing is { } oldest && now - oldest >= timeout)
        {
            var silence = _time.GetElapsedTime(oldest, now);
            DeclareDead(connection, DeathReason.HeartbeatTimeout, $"no reply for {Seconds(silence)}", silence);
            return;
        }

        if (now >= _nextPingAt)
        {
            var sequence = connection.SendPing();
            Publish(new HeartbeatSent(Now, _id, connection.Server.Id, sequence));
            _nextPingAt = now + Stamps(Options.HeartbeatInterval);
        }

        var due = _nextPingAt;
        if (connection.OldestUnansweredPing is { } pending)
        {
            due = Math.Min(due, pending + timeout);
        }

        _heartbeatTimer!.Change(_time.GetElapsedTime(now, Math.Max(due, now + 1)), Timeout.InfiniteTimeSpan);
    }

    private void OnPong(ServerConnection connection, IrcMessage message)
    {
        if (!connection.TryAnswer(message.LastParam, out var sequence, out var roundTrip, out var skipped))
        {
            return;
        }

        if (skipped)
        {
            DeclareDead(connection, DeathReason.DataLost, "an earlier PING was never answered though a later one was: the link loses data", null);
            return;
        }

        _serverStatus[connection.Index].RoundTrip = roundTrip;
        if (connection == _current)
        {
            Publish(new HeartbeatAnswered(Now, _id, connection.Server.Id, sequence, roundTrip));
            ReleaseVerified(connection, sequence);
            CheckpointConversations();
        }

        if (!AcknowledgeUpTo(connection, sequence))
        {
            DeclareDead(connection, DeathReason.DataLost, "a PING sent after a message was answered before the message's echo: the link loses data", null);
        }
    }

    private void DisposeTimers()
    {
        _heartbeatTimer?.Dispose();
        _heartbeatTimer = null;
        _sendTimer?.Dispose();
        _sendTimer = null;
    }

    /// <summary>A duration in TimeProvider timestamp units.</summary>
    private long Stamps(TimeSpan span) => (long)(span.Ticks * (double)_time.TimestampFrequency / TimeSpan.TicksPerSecond);
}
