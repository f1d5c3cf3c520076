using System.Net.Sockets;
using ApartiumChat.Client.Connection;
using ApartiumChat.Client.Events;
using ApartiumChat.Protocol;

namespace ApartiumChat.Client;

/// <summary>
/// The supervisor: the one loop that owns the connection.
/// <code>
///   establish: pass 1..n over the list in priority order (the dead server skipped in pass 1),
///              each attempt bounded by the connect timeout; none answered -> backoff -> next pass
///   watch:     until the server is declared dead (-> establish, as a failover),
///              a preferred server passed its hold-down (-> fail back, make-before-break),
///              or StopAsync (-> QUIT, close, stop)
/// </code>
/// </summary>
public sealed partial class HaClient
{
    private readonly Queue<Wake> _wakes = new();
    private readonly List<(ServerConnection Connection, Task Reading)> _open = [];
    private TaskCompletionSource _wakeSignal = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ServerConnection? _current;
    private readonly ServerTrack[] _serverStatus;
    private string? _token;
    private bool _everRegistered;
    private bool _possibleGhost;
    private long _diedAt;
    private string? _diedServerId;
    private long _lastMoveAt;
    private int _resentAtActivation;
    private ConnectionPurpose _recoveryPurpose;

    private enum WakeKind
    {
        Died,
        FailbackReady,
        Stop,
    }

    private async Task RunAsync(CancellationToken stop)
    {
        var purpose = ConnectionPurpose.Initial;
        var skip = -1;
        try
        {
            using var onStop = stop.Register(static s => ((HaClient)s!).Signal(new Wake(WakeKind.Stop, null, -1)), this);
            while (!stop.IsCancellationRequested)
            {
                if (await EstablishAsync(purpose, skip, stop) is not { } established)
                {
                    break;
                }

                Activate(established.Connection, established.Result, purpose);
                var wake = await WatchAsync(stop);
                if (wake.Kind == WakeKind.Stop)
                {
                    break;
                }

                purpose = ConnectionPurpose.Failover;
                skip = wake.Connection?.Index ?? -1;
            }
        }
        finally
        {
            await FinishAsync();
        }
    }

    /// <summary>Waits for what ends this connection; fail-backs happen inside.</summary>
    private async Task<Wake> WatchAsync(CancellationToken stop)
    {
        while (true)
        {
            var wake = await NextWakeAsync();
            switch (wake.Kind)
            {
                case WakeKind.Stop:
                    return wake;
                case WakeKind.Died:
                    await StopProbesAsync();
                    lock (_gate)
                    {
                        if (_current is not null)
                        {
                            continue; // an old connection that died while a fail-back replaced it
                        }
                    }

                    return wake;
                case WakeKind.FailbackReady:
                    await FailbackAsync(wake.Index, stop);
                    break;
            }
        }
    }

    private async Task<(ServerConnection Connection, HandshakeResult Result)?> EstablishAsync(ConnectionPurpose purpose, int skip, CancellationToken stop)
    {
        for (var pass = 1; ; pass++)
        {
            for (var i = 0; i < Options.Servers.Count; i++)
            {
                if (pass == 1 && i == skip)
                {
                    continue; // just declared dead: the others first
                }

                if (stop.IsCancellationRequested)
                {
                    return null;
                }

                var attempt = await AttemptAsync(i, purpose, pass, NewRequest(beforeResume: null, mayRegister: true), stop);
                if (attempt.Connection is not null)
                {
                    _backoff.Reset();
                    return (attempt.Connection, attempt.Result!);
                }

                if (!_everRegistered && (attempt.Failure is ConnectFailure.Refusal || (attempt.Failure is ConnectFailure.NickInUse && !_possibleGhost)))
                {
                    // The first registration was refused: retrying the same nick or password will not help.
                    await StopItselfAsync($"cannot register on {Options.Servers[i].Id}: {attempt.Detail}");
                    return null;
                }
            }

            var delay = _backoff.Next();
            using (Enter())
            {
                SetState(_everRegistered ? ClientState.FailingOver : ClientState.Disconnected);
            }

            try
            {
                await Task.Delay(WholeMilliseconds(delay), _time, stop);
            }
            catch (OperationCanceledException)
            {
                return null;
            }
        }
    }

    private async Task<AttemptOutcome> AttemptAsync(int index, ConnectionPurpose purpose, int pass, HandshakeRequest request, CancellationToken stop)
    {
        var server = Options.Servers[index];
        using (Enter())
        {
            if (purpose != ConnectionPurpose.Failback)
            {
                SetState(ClientState.Connecting);
            }

            Publish(new ConnectAttempted(Now, _id, server.Id, Transport.NetworkAddress.Format(server.Address), purpose, pass));
        }

        using var timeout = new CancellationTokenSource(Options.ConnectTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stop, timeout.Token);
        ServerConnection? connection = null;
        ConnectFailure failure;
        string detail;
        try
        {
            connection = await ServerConnection.OpenAsync(_connections, server, index, _time, linked.Token);
            if (purpose != ConnectionPurpose.Failback)
            {
                using (Enter())
                {
                    SetState(ClientState.Registering);
                }
            }

            var result = await RegistrationHandshake.RunAsync(connection, request, _time, linked.Token);
            return new AttemptOutcome(connection, result, null, null);
        }
        catch (OperationCanceledException) when (!stop.IsCancellationRequested)
        {
            (failure, detail) = (ConnectFailure.Timeout, $"no registration within {Seconds(Options.ConnectTimeout)}");
        }
        catch (OperationCanceledException)
        {
            (failure, detail) = (ConnectFailure.Closed, "stopped");
        }
        catch (SocketException e)
        {
            (failure, detail) = (ConnectFailure.Refused, e.SocketErrorCode switch
            {
                SocketError.ConnectionRefused => "connection refused",
                SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData => "host name not found",
                SocketError.NetworkUnreachable or SocketError.HostUnreachable => "unreachable",
                _ => e.Message,
            });
        }
        catch (HandshakeFailedException e)
        {
            (failure, detail) = (e.Failure, e.Message);
            if (e.ResumeRefusal is { } refusal && !stop.IsCancellationRequested)
            {
                using (Enter())
                {
                    Publish(new ResumeRefused(Now, _id, server.Id, refusal));
                }
            }
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or ArgumentException or NotSupportedException)
        {
            (failure, detail) = (ConnectFailure.Closed, e.Message);
        }

        if (connection is not null)
        {
            connection.Abort();
            await connection.CloseAsync(TimeSpan.Zero);

            // Cut off mid-registration, the server may hold a session of ours (and our nick) for a while.
            _possibleGhost |= failure is ConnectFailure.Timeout or ConnectFailure.Closed;
        }

        using (Enter())
        {
            _serverStatus[index].Failure = detail;
            if (!stop.IsCancellationRequested)
            {
                Publish(new ConnectFailed(Now, _id, server.Id, purpose, failure, detail));
                ClientLog.ConnectFailed(_logger, _id, server.Id, failure, detail);
            }
        }

        return new AttemptOutcome(null, null, failure, detail);
    }

    private HandshakeRequest NewRequest(Action? beforeResume, bool mayRegister)
    {
        lock (_gate)
        {
            return new HandshakeRequest(
                _nick, Options.UserName ?? Options.Nick, Options.RealName, Options.Password, _token, [.. _wanted], beforeResume, mayRegister);
        }
    }

    /// <summary>Makes a registered connection the one in use; what it replaces retires.</summary>
    private void Activate(ServerConnection connection, HandshakeResult result, ConnectionPurpose purpose)
    {
        using (Enter())
        {
            var from = _current;
            if (from is not null)
            {
                Retire(from, quit: !result.Resumed, "Moved to " + connection.Server.Id);
            }

            var kind = result.Resumed ? RegistrationKind.Resumed : _everRegistered ? RegistrationKind.Reregistered : RegistrationKind.Fresh;
            _everRegistered = true;
            _current = connection;
            _token = connection.Has(ServerCapabilities.Ha) ? result.Token : null;
            _ownSource = result.OwnSource ?? _ownSource;
            if (result.Nick is { } nick && nick != _nick)
            {
                _nick = nick;
            }

            _serverStatus[connection.Index].Failure = null;
            _lastMoveAt = _time.GetTimestamp();
            if (result.ResumeRefusal is { } refusal)
            {
                Publish(new ResumeRefused(Now, _id, connection.Server.Id, refusal));
            }

            ApplyChannels(connection, result);
            SetState(ClientState.Connected);
            Publish(new Connected(Now, _id, connection.Server.Id, purpose, kind, _nick, [.. _joined], Limitations(connection)));
            AnnounceMove(connection, purpose, kind, from);
            foreach (var message in result.Deferred)
            {
                Dispatch(connection, message);
            }

            StartHeartbeat(connection);
            _resentAtActivation = ResendOutbox();
            _recoveryPurpose = purpose;
            if (purpose != ConnectionPurpose.Initial)
            {
                StartReplays(connection);
            }
        }

        var reading = ReadLoopAsync(connection);
        lock (_gate)
        {
            _open.RemoveAll(o => o.Reading.IsCompleted);
            _open.Add((connection, reading));
        }

        StartProbes(connection);
    }

    private void AnnounceMove(ServerConnection connection, ConnectionPurpose purpose, RegistrationKind kind, ServerConnection? from)
    {
        if (purpose == ConnectionPurpose.Failover)
        {
            var elapsed = _time.GetElapsedTime(_diedAt);
            Publish(new FailedOver(Now, _id, _diedServerId ?? "?", connection.Server.Id, kind, elapsed));
            ClientLog.FailedOver(_logger, _id, _diedServerId ?? "?", connection.Server.Id, elapsed.TotalMilliseconds);
        }
        else if (purpose == ConnectionPurpose.Failback)
        {
            var origin = from?.Server.Id ?? _diedServerId ?? "?";
            Publish(new FailedBack(Now, _id, origin, connection.Server.Id, kind));
            ClientLog.FailedBack(_logger, _id, origin, connection.Server.Id);
        }
    }

    private static string? Limitations(ServerConnection connection)
    {
        var missing = new List<string>();
        if (!connection.Has(ServerCapabilities.Ha))
        {
            missing.Add("no apartium.chat/ha: the session cannot be resumed there, and a message resent after a failover may be delivered twice");
        }

        if (!connection.Has(ServerCapabilities.ChatHistory | ServerCapabilities.Batch))
        {
            missing.Add("no draft/chathistory: messages missed while away cannot be recovered");
        }

        if (!connection.Has(ServerCapabilities.EchoMessage))
        {
            missing.Add("no echo-message: a send counts as acknowledged once a later PING is answered");
        }

        return missing.Count == 0 ? null : $"{connection.Server.Id} offers {string.Join("; ", missing)}";
    }

    /// <summary>Declares the connection in use dead and wakes the supervisor to fail over. Under the lock.</summary>
    private void DeclareDead(ServerConnection connection, DeathReason reason, string detail, TimeSpan? silence)
    {
        if (connection != _current || connection.Retired || _stopping.IsCancellationRequested)
        {
            return;
        }

        Publish(new ServerDeclaredDead(Now, _id, connection.Server.Id, reason, detail, silence));
        ClientLog.ServerDead(_logger, _id, connection.Server.Id, reason, detail);
        _serverStatus[connection.Index].Failure = detail;
        _current = null;
        _diedAt = _time.GetTimestamp();
        _diedServerId = connection.Server.Id;
        StopHeartbeat();
        AbandonReplays();
        DropUnverified(connection);
        if (reason is DeathReason.DataLost or DeathReason.HeartbeatTimeout)
        {
            RollBackConversations();
        }

        if (reason == DeathReason.ServerShutdown)
        {
            // Still up for its grace period: keep reading (late acknowledgements count) until it
            // closes, or until the resume elsewhere takes the session from it.
            Retire(connection, quit: false, reason: null);
        }
        else
        {
            connection.Retired = true;
            connection.Abort();
        }

        SetState(ClientState.FailingOver);
        Signal(new Wake(WakeKind.Died, connection, connection.Index));
    }

    /// <summary>Stops using a connection that still works: it is read until the server closes it, within a bound.</summary>
    private void Retire(ServerConnection connection, bool quit, string? reason)
    {
        connection.Retired = true;
        if (_heartbeatOn == connection)
        {
            StopHeartbeat();
        }

        if (quit)
        {
            connection.Send(new IrcMessage(IrcCommands.Quit, reason ?? "Moving"));
        }

        connection.AbortAfter(_time, Options.ConnectTimeout + Options.HeartbeatTimeout);
    }

    /// <summary>The read loop's end. Under the lock.</summary>
    private void OnConnectionEnded(ServerConnection connection, Exception? error)
    {
        connection.Ended = true;
        if (connection != _current)
        {
            // A retired connection: what it left unverified comes again by replay on the new one.
            DropUnverified(connection);
        }

        if (connection != _current || connection.Retired || connection == _movingFrom)
        {
            return;
        }

        var failed = error ?? connection.WriteError;
        if (failed is not null)
        {
            DeclareDead(connection, DeathReason.SocketError, failed.Message, null);
        }
        else
        {
            DeclareDead(connection, DeathReason.Closed, connection.LastError is { } text ? "closed: " + text : "the connection was closed", null);
        }
    }

    private void Signal(Wake wake)
    {
        lock (_gate)
        {
            _wakes.Enqueue(wake);
            _wakeSignal.TrySetResult();
        }
    }

    private async Task<Wake> NextWakeAsync()
    {
        while (true)
        {
            Task signalled;
            lock (_gate)
            {
                if (_wakes.TryDequeue(out var wake))
                {
                    return wake;
                }

                if (_wakeSignal.Task.IsCompleted)
                {
                    _wakeSignal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }

                signalled = _wakeSignal.Task;
            }

            await signalled;
        }
    }

    private async Task StopItselfAsync(string reason)
    {
        lock (_gate)
        {
            _stopReason ??= reason;
        }

        await Task.Yield(); // not inside the caller's stack: cancelling runs callbacks inline
        _stopping.Cancel();
    }

    /// <summary>The end of the supervisor: QUIT, close everything, fail the outbox, publish the stop.</summary>
    private async Task FinishAsync()
    {
        await StopProbesAsync();
        ServerConnection? active;
        Task? activeReading = null;
        lock (_gate)
        {
            active = _current;
            _current = null;
            StopHeartbeat();
            if (active is not null)
            {
                active.Retired = true;
                activeReading = _open.Find(o => o.Connection == active).Reading;
            }
        }

        if (active is not null && activeReading is not null)
        {
            // QUIT ends the session; the server answers by closing. Bounded: a hung server never will.
            active.Send(new IrcMessage(IrcCommands.Quit, _stopReason ?? "stopped"));
            active.AbortAfter(_time, Options.HeartbeatTimeout);
            await activeReading;
        }

        List<(ServerConnection Connection, Task Reading)> open;
        lock (_gate)
        {
            open = [.. _open];
        }

        foreach (var (connection, reading) in open)
        {
            connection.Abort();
            await reading;
        }

        using (Enter())
        {
            FailOutbox(SendFailureReason.Stopped, "the client stopped");
            DisposeTimers();
            SetState(ClientState.Stopped);
            Publish(new ClientStopped(Now, _id, _stopReason ?? "stopped"));
            _completing = true;
        }
    }

    /// <summary>Task.Delay counts whole milliseconds and finishes at once below one: round up, or a short wait becomes a busy loop.</summary>
    private static TimeSpan WholeMilliseconds(TimeSpan span) => TimeSpan.FromMilliseconds(Math.Max(1, Math.Ceiling(span.TotalMilliseconds)));

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.0#", System.Globalization.CultureInfo.InvariantCulture) + " s";

    private readonly record struct Wake(WakeKind Kind, ServerConnection? Connection, int Index);

    private readonly record struct AttemptOutcome(ServerConnection? Connection, HandshakeResult? Result, ConnectFailure? Failure, string? Detail);
}
