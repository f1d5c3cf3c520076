using System.Reactive.Linq;
using System.Reactive.Subjects;
using ApartiumChat.Client.Events;
using ApartiumChat.Client.Failover;
using ApartiumChat.Client.Sending;
using ApartiumChat.Protocol;
using ApartiumChat.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ApartiumChat.Client;

/// <summary>
/// The high-availability IRC client: it keeps one conversation going over a prioritized list
/// of servers while they crash, hang, shut down or drop off the network.
/// </summary>
/// <remarks>
/// <para>
/// One background loop (the supervisor) owns the connection: it connects, watches, fails
/// over and fails back. Incoming lines, heartbeat timers and the application's calls change
/// the client's state under one lock; events are queued under the lock and published after
/// it, in order, so a subscriber may call the client back.
/// </para>
/// <code>
///   application --Post/Join/...--+                 +--> Events (IObservable, in order)
///                                v                 |
///   read loop(s) ---------> [ state under lock ] --+--> ServerConnection.Send --> server
///   heartbeat / outbox timers ---^        ^
///   supervisor (connect, failover, fail-back) and fail-back probes
/// </code>
/// <para>
/// Nothing here picks a thread, reads a clock or draws randomness of its own: on a
/// SimulationLoop with a VirtualTimeProvider and a seeded Random a run repeats exactly.
/// </para>
/// </remarks>
public sealed partial class HaClient : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly IConnectionFactory _connections;
    private readonly TimeProvider _time;
    private readonly Random _random;
    private readonly ILogger _logger;
    private readonly Subject<ClientEvent> _subject = new();
    private readonly Queue<ClientEvent> _pending = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly ReconnectBackoff _backoff;
    private readonly string _id;
    private bool _draining;
    private bool _completing;
    private bool _completed;
    private Task _running = Task.CompletedTask;
    private bool _started;
    private string? _stopReason;
    private ClientState _state = ClientState.Disconnected;
    private List<TaskCompletionSource> _connectedWaiters = [];

    /// <param name="options">The settings; validated here (every problem listed in one <see cref="ArgumentException"/>).</param>
    /// <param name="connections">TCP (<c>TcpTransport</c>) for real runs, the in-memory network in simulation.</param>
    /// <param name="time">Every timer and timestamp comes from it.</param>
    /// <param name="random">Jitter and idempotency keys come from it: seeded in simulation; shared across threads only if thread-safe.</param>
    /// <param name="loggers">Optional logging.</param>
    public HaClient(HaClientOptions options, IConnectionFactory connections, TimeProvider time, Random random, ILoggerFactory? loggers = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options.ThrowIfInvalid();
        _connections = connections ?? throw new ArgumentNullException(nameof(connections));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _random = random ?? throw new ArgumentNullException(nameof(random));
        _logger = (loggers ?? NullLoggerFactory.Instance).CreateLogger<HaClient>();
        _id = options.EffectiveClientId;
        _nick = options.Nick;
        _backoff = new ReconnectBackoff(options.ReconnectBase, options.ReconnectCap, options.ReconnectJitter, random);
        _outbox = new Outbox(options.OutboxCapacity);
        _keyPrefix = NewKeyPrefix(random);
        _serverStatus = new ServerTrack[options.Servers.Count];
        foreach (var channel in options.Channels)
        {
            AddWanted(channel);
        }
    }

    public HaClientOptions Options { get; }

    /// <summary>The client's name in events (<see cref="HaClientOptions.ClientId"/>, or the nick).</summary>
    public string Id => _id;

    /// <summary>
    /// Everything that happens, in order, each event stamped with the TimeProvider's time.
    /// Subscribe before <see cref="StartAsync"/> to see it all. Handlers run on whichever thread
    /// made the event happen, one at a time; they may call the client but must not block.
    /// Completes when the client stops.
    /// </summary>
    public IObservable<ClientEvent> Events => _subject.AsObservable();

    public ClientState State
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }
    }

    /// <summary>The nick the client has (or will register with).</summary>
    public string Nick
    {
        get
        {
            lock (_gate)
            {
                return _nick;
            }
        }
    }

    /// <summary>The server in use, or null between servers.</summary>
    public ServerEntry? CurrentServer
    {
        get
        {
            lock (_gate)
            {
                return _current?.Server;
            }
        }
    }

    /// <summary>Channels the client is in (or will rejoin), in the order they were asked for.</summary>
    public IReadOnlyList<string> Channels
    {
        get
        {
            lock (_gate)
            {
                return [.. _wanted];
            }
        }
    }

    /// <summary>Messages sent and not yet acknowledged.</summary>
    public int OutboxCount
    {
        get
        {
            lock (_gate)
            {
                return _outbox.Count;
            }
        }
    }

    /// <summary>The server list with what the client knows of each: in use, round trip, last failure.</summary>
    public IReadOnlyList<ServerStatus> Servers
    {
        get
        {
            lock (_gate)
            {
                return [.. Options.Servers.Select((s, i) => new ServerStatus(s, i, _current?.Index == i, _serverStatus[i].RoundTrip, _serverStatus[i].Failure))];
            }
        }
    }

    /// <summary>
    /// Starts the background loop, which connects to the first server that answers (in
    /// priority order) and keeps the client connected until <see cref="StopAsync"/>. Returns at
    /// once; watch <see cref="Events"/> or await <see cref="WhenConnectedAsync"/>.
    /// </summary>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (_started)
            {
                throw new InvalidOperationException("A client starts once.");
            }

            _started = true;
        }

        _running = RunAsync(_stopping.Token);
        return Task.CompletedTask;
    }

    /// <summary>Completes when the client is connected (at once if it is); fails if it stops first.</summary>
    public async Task WhenConnectedAsync(CancellationToken cancellationToken = default)
    {
        TaskCompletionSource waiter;
        lock (_gate)
        {
            if (_state == ClientState.Connected)
            {
                return;
            }

            if (_state == ClientState.Stopped)
            {
                throw new InvalidOperationException("The client has stopped: " + _stopReason);
            }

            waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _connectedWaiters.Add(waiter);
        }

        using (cancellationToken.Register(static s => ((TaskCompletionSource)s!).TrySetCanceled(), waiter))
        {
            await waiter.Task;
        }
    }

    /// <summary>
    /// Stops for good: sends QUIT (which ends the session on the server), closes, fails what is
    /// left in the outbox (<see cref="SendFailureReason.Stopped"/>), publishes
    /// <see cref="ClientStopped"/> and completes <see cref="Events"/>. Idempotent.
    /// </summary>
    public async Task StopAsync(string? reason = null, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            _stopReason ??= reason ?? "stopped";
            if (!_started)
            {
                _started = true;
                _running = FinishAsync();
            }
        }

        _stopping.Cancel();
        if (cancellationToken.CanBeCanceled)
        {
            await _running.WaitAsync(cancellationToken); // only the wait is cancelled; stopping goes on
        }
        else
        {
            await _running;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync("disposed");
        _stopping.Dispose();
        _subject.Dispose();
    }

    /// <summary>Enters the lock; leaving it publishes the events queued meanwhile.</summary>
    private Scope Enter()
    {
        _gate.Enter();
        return new Scope(this);
    }

    private void Publish(ClientEvent e) => _pending.Enqueue(e);

    private DateTimeOffset Now => _time.GetUtcNow();

    // Called holding the lock. Publishes outside it, one event at a time, in queue order; a
    // thread that finds another one draining leaves its events to that one.
    private void ExitAndDrain()
    {
        while (!_draining && _pending.TryDequeue(out var next))
        {
            _draining = true;
            _gate.Exit();
            try
            {
                _subject.OnNext(next);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                ClientLog.SubscriberFailed(_logger, e, _id, next.GetType().Name);
            }
            finally
            {
                _gate.Enter();
                _draining = false;
            }
        }

        // The end of the stream goes out after the last event, by whoever drains last.
        var complete = _completing && !_completed && !_draining && _pending.Count == 0;
        _completed |= complete;
        _gate.Exit();
        if (complete)
        {
            _subject.OnCompleted();
        }
    }

    private void SetState(ClientState state)
    {
        if (_state == state)
        {
            return;
        }

        Publish(new StateChanged(Now, _id, _state, state));
        _state = state;
        if (state is ClientState.Connected or ClientState.Stopped)
        {
            var waiters = _connectedWaiters;
            _connectedWaiters = [];
            foreach (var waiter in waiters)
            {
                if (state == ClientState.Connected)
                {
                    waiter.TrySetResult();
                }
                else
                {
                    waiter.TrySetException(new InvalidOperationException("The client has stopped: " + _stopReason));
                }
            }
        }
    }

    private static string NewKeyPrefix(Random random)
    {
        // Keys must differ between runs of a client that reuse a nick within the server's key
        // retention, so each client instance draws its own prefix.
        const string alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        Span<char> prefix = stackalloc char[8];
        for (var i = 0; i < prefix.Length; i++)
        {
            prefix[i] = alphabet[random.Next(alphabet.Length)];
        }

        return new string(prefix);
    }

    private static string Fold(string name) => IrcCaseMapping.Rfc1459.Fold(name);

    private static bool SameName(string a, string b) => string.Equals(Fold(a), Fold(b), StringComparison.Ordinal);

    private readonly ref struct Scope
    {
        private readonly HaClient _owner;

        public Scope(HaClient owner)
        {
            _owner = owner;
        }

        public void Dispose() => _owner.ExitAndDrain();
    }

    /// <summary>What the client remembers of one server of its list.</summary>
    private struct ServerTrack
    {
        public TimeSpan? RoundTrip;
        public string? Failure;
    }
}
