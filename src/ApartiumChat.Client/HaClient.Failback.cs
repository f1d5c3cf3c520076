using System.Net.Sockets;
using ApartiumChat.Client.Connection;
using ApartiumChat.Client.Events;
using ApartiumChat.Protocol;

namespace ApartiumChat.Client;

/// <summary>
/// Fail-back: while on a lower-priority server, the client probes each preferred one with a
/// bare connection that PINGs every heartbeat interval. A probe that connects and is answered
/// without a miss for the whole hold-down makes the client move back, make-before-break:
/// <code>
///   pause sending; let what is in flight be acknowledged
///   connect + resume on the preferred server   (the old connection still serves meanwhile)
///   the server hands the session over and closes the old connection (or, on another
///   network, the client QUITs it); resend the outbox, replay history, carry on
/// </code>
/// Any probe failure starts its hold-down over, and no move follows another within the
/// hold-down: a server that comes and goes never makes the client flap.
/// </summary>
public sealed partial class HaClient
{
    private readonly List<(int Index, CancellationTokenSource Cancel, Task Probing)> _probes = [];
    private ServerConnection? _movingFrom;
    private TaskCompletionSource? _drained;

    private void StartProbes(ServerConnection connection)
    {
        if (!Options.Failback || connection.Index == 0 || _stopping.IsCancellationRequested)
        {
            return;
        }

        for (var i = 0; i < connection.Index; i++)
        {
            var cancel = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
            var probing = ProbeAsync(i, cancel.Token);
            lock (_gate)
            {
                _probes.Add((i, cancel, probing));
            }
        }
    }

    private async Task StopProbesAsync()
    {
        List<(int Index, CancellationTokenSource Cancel, Task Probing)> probes;
        lock (_gate)
        {
            probes = [.. _probes];
            _probes.Clear();
        }

        foreach (var probe in probes)
        {
            probe.Cancel.Cancel();
        }

        foreach (var probe in probes)
        {
            await probe.Probing;
            probe.Cancel.Dispose();
        }
    }

    private async Task ProbeAsync(int index, CancellationToken cancellationToken)
    {
        var server = Options.Servers[index];
        long? healthySince = null;
        bool? lastVerdict = null;
        var signalled = false;
        while (!cancellationToken.IsCancellationRequested)
        {
            ServerConnection? probe = null;
            var closed = false;
            string? failure = null;
            try
            {
                using (var connect = new CancellationTokenSource(Options.ConnectTimeout, _time))
                using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, connect.Token))
                {
                    probe = await ServerConnection.OpenAsync(_connections, server, index, _time, linked.Token);
                }

                while (true)
                {
                    var roundTrip = await PingAsync(probe, cancellationToken);
                    if (roundTrip is null)
                    {
                        closed = true; // e.g. its registration timeout: not a sign of trouble
                        failure = probe.LastError ?? "closed the probe connection";
                        break;
                    }

                    using (Enter())
                    {
                        _serverStatus[index].RoundTrip = roundTrip;
                        var now = _time.GetTimestamp();
                        healthySince ??= now;
                        var healthyFor = _time.GetElapsedTime(healthySince.Value, now);
                        if (lastVerdict != true)
                        {
                            lastVerdict = true;
                            Publish(new FailbackProbed(Now, _id, server.Id, true, healthyFor, "answering"));
                        }

                        if (!signalled && healthyFor >= Options.FailbackHoldDown && _time.GetElapsedTime(_lastMoveAt, now) >= Options.FailbackHoldDown)
                        {
                            signalled = true;
                            Signal(new Wake(WakeKind.FailbackReady, null, index));
                        }
                    }

                    await Task.Delay(WholeMilliseconds(Options.HeartbeatInterval), _time, cancellationToken);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Stopped: the client moved, or stops.
            }
            catch (OperationCanceledException)
            {
                failure = "no answer in time";
            }
            catch (SocketException e)
            {
                failure = $"refused ({e.SocketErrorCode})";
            }
            catch (Exception e) when (e is IOException or InvalidOperationException)
            {
                failure = e.Message;
            }

            if (probe is not null)
            {
                probe.Abort();
                await probe.CloseAsync(TimeSpan.Zero);
            }

            if (cancellationToken.IsCancellationRequested)
            {
                return;
            }

            if (closed && healthySince is not null)
            {
                continue; // reconnect at once; the hold-down goes on if it answers again
            }

            healthySince = null;
            signalled = false;
            if (lastVerdict != false)
            {
                lastVerdict = false;
                using (Enter())
                {
                    Publish(new FailbackProbed(Now, _id, server.Id, false, TimeSpan.Zero, failure ?? "failed"));
                }
            }

            try
            {
                await Task.Delay(WholeMilliseconds(Options.HeartbeatInterval), _time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One probe PING; its round trip, or null when the server closed the connection.</summary>
    private async Task<TimeSpan?> PingAsync(ServerConnection probe, CancellationToken cancellationToken)
    {
        var sequence = probe.SendPing();
        using var timeout = new CancellationTokenSource(Options.HeartbeatTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        while (await probe.ReadAsync(linked.Token) is { } message)
        {
            if (message.IsCommand(IrcCommands.Pong) && probe.TryAnswer(message.LastParam, out var answered, out var roundTrip, out _) && answered == sequence)
            {
                return roundTrip;
            }

            if (message.Command == IrcNumerics.ErrNotRegistered)
            {
                return TimeSpan.Zero; // a server that wants registration first still answered
            }

            if (message.IsCommand(IrcCommands.Ping))
            {
                probe.Send(new IrcMessage(IrcCommands.Pong, message.Param(0) ?? "*"));
            }
            else if (message.IsCommand(IrcCommands.Error))
            {
                probe.LastError = message.LastParam;
            }
        }

        return null;
    }

    /// <summary>Moves to the preferred server <paramref name="index"/>, registered there before leaving the one in use.</summary>
    private async Task FailbackAsync(int index, CancellationToken stop)
    {
        await StopProbesAsync();
        ServerConnection? old;
        lock (_gate)
        {
            old = _current;
            if (old is null || stop.IsCancellationRequested)
            {
                return;
            }

            _pumpPaused = true;
        }

        await DrainInFlightAsync(old);
        var request = NewRequest(
            beforeResume: () =>
            {
                lock (_gate)
                {
                    _movingFrom = old; // from here on the server may close it: that is the move, not a failure
                }
            },
            mayRegister: true);
        var attempt = await AttemptAsync(index, ConnectionPurpose.Failback, 1, request, stop);
        if (attempt.Connection is not null)
        {
            Activate(attempt.Connection, attempt.Result!, ConnectionPurpose.Failback);
            lock (_gate)
            {
                _movingFrom = null;
            }

            return;
        }

        using (Enter())
        {
            _movingFrom = null;
            if (_current != old)
            {
                return; // it died meanwhile: the supervisor fails over
            }

            if (old.Ended)
            {
                // The session went to the failed attempt and the server closed this one.
                DeclareDead(old, DeathReason.Closed, "the session moved to a fail-back attempt that failed", null);
                return;
            }

            ResendOutbox();
        }

        StartProbes(old);
    }

    /// <summary>Waits (at most a heartbeat timeout) until nothing sent on the old connection awaits its acknowledgement.</summary>
    private async Task DrainInFlightAsync(ServerConnection old)
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_inFlight == 0 || _current != old)
            {
                return;
            }

            _drained = signal;
        }

        using var timeout = new CancellationTokenSource(Options.HeartbeatTimeout, _time);
        using (timeout.Token.Register(static s => ((TaskCompletionSource)s!).TrySetResult(), signal))
        {
            await signal.Task;
        }

        lock (_gate)
        {
            _drained = null;
        }
    }
}
