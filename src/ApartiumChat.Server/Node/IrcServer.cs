using System.Diagnostics.Metrics;
using ApartiumChat.Protocol;
using ApartiumChat.Server.Cluster;
using ApartiumChat.Server.Commands;
using ApartiumChat.Server.Diagnostics;
using ApartiumChat.Server.Options;
using ApartiumChat.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ApartiumChat.Server.Node;

/// <summary>
/// One server node: it accepts connections on its endpoints and serves IRC to them, sharing
/// nicks, channels and history with the other nodes of its cluster through the
/// <see cref="IClusterBus"/>. The scenario runner can also hang it, crash it or shut it down.
/// </summary>
/// <remarks>
/// Each connection runs as its own async loop (reading) plus a writer loop draining its
/// bounded send queue; no thread per client, and a slow client only ever fills its own queue.
/// </remarks>
public sealed partial class IrcServer : IAsyncDisposable
{
    private readonly Lock _lock = new();
    private readonly IConnectionListenerFactory _listenerFactory;
    private readonly List<IConnectionListener> _listeners = [];
    private readonly List<Task> _acceptLoops = [];
    private readonly HashSet<ClientConnection> _connections = [];
    private readonly CancellationTokenSource _stopping = new();
    private TaskCompletionSource? _allClosed;

    public IrcServer(
        IrcServerOptions options,
        IClusterBus cluster,
        IConnectionListenerFactory listenerFactory,
        TimeProvider time,
        ILoggerFactory? loggerFactory = null,
        IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options.ThrowIfInvalid();
        LineLimits = new IrcLineLimits { MaxRestLength = Options.Limits.MaxLineBytes, MaxTagsLength = Options.Limits.MaxTagBytes };
        Cluster = cluster ?? throw new ArgumentNullException(nameof(cluster));
        _listenerFactory = listenerFactory ?? throw new ArgumentNullException(nameof(listenerFactory));
        Time = time ?? throw new ArgumentNullException(nameof(time));
        Logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<IrcServer>();
        Metrics = new ServerMetrics(options.ServerName, meterFactory);
        Features = new ServerFeatures(options);
        Commands = CommandRegistry.CreateDefault();
        Created = time.GetUtcNow();
    }

    public string Name => Options.ServerName;

    public IrcServerOptions Options { get; }

    public IClusterBus Cluster { get; }

    public TimeProvider Time { get; }

    public ServerState State { get; private set; } = ServerState.Created;

    public DateTimeOffset Created { get; }

    /// <summary>The bound addresses (real ports when 0 was asked for).</summary>
    public IReadOnlyList<System.Net.EndPoint> EndPoints
    {
        get
        {
            lock (_lock)
            {
                return _listeners.Select(l => l.EndPoint).ToList();
            }
        }
    }

    /// <summary>Open connections, registered or not.</summary>
    public int ConnectionCount
    {
        get
        {
            lock (_lock)
            {
                return _connections.Count;
            }
        }
    }

    internal ILogger Logger { get; }

    internal ServerMetrics Metrics { get; }

    internal ServerFeatures Features { get; }

    internal CommandRegistry Commands { get; }

    internal PauseGate Gate { get; } = new();

    /// <summary>The line limits every connection frames with (one instance, not one per connection).</summary>
    internal IrcLineLimits LineLimits { get; }

    internal CancellationToken Stopping => _stopping.Token;

    /// <summary>Binds every endpoint and starts accepting. Fails, binding nothing, if one cannot be bound.</summary>
    public async Task StartAsync(IReadOnlyList<ServerEndpoint> endpoints, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (State != ServerState.Created)
        {
            throw new InvalidOperationException($"A server starts once; this one is {State}.");
        }

        var bound = new List<(IConnectionListener, ServerEndpoint)>();
        try
        {
            foreach (var endpoint in endpoints)
            {
                bound.Add((await _listenerFactory.BindAsync(endpoint.Address, cancellationToken), endpoint));
            }
        }
        catch
        {
            foreach (var (listener, _) in bound)
            {
                await listener.DisposeAsync();
            }

            throw;
        }

        State = ServerState.Running;
        foreach (var (listener, endpoint) in bound)
        {
            ServerLog.Listening(Logger, Name, NetworkAddress.Format(listener.EndPoint), endpoint.Certificate is null ? string.Empty : " (TLS)");
            lock (_lock)
            {
                _listeners.Add(listener);
                _acceptLoops.Add(AcceptLoopAsync(listener, endpoint));
            }
        }
    }

    /// <summary>Freezes the node like a stopped process: sockets stay open, nothing moves.</summary>
    public void Hang()
    {
        if (State == ServerState.Running)
        {
            State = ServerState.Hung;
            Gate.Close();
            ServerLog.Hung(Logger, Name);
        }
    }

    /// <summary>Lets a hung node carry on where it stopped.</summary>
    public void Unhang()
    {
        if (State != ServerState.Hung)
        {
            return;
        }

        State = ServerState.Running;
        foreach (var connection in Snapshot())
        {
            connection.OnUnhang(); // silence during the hang was ours, not the clients'
        }

        Gate.Open();
        ServerLog.Unhung(Logger, Name);
    }

    /// <summary>
    /// Dies abruptly: the listeners close, every connection is reset, and the sessions the
    /// node carried are left to the cluster (HA sessions wait to be resumed elsewhere).
    /// </summary>
    public async Task CrashAsync()
    {
        if (State is ServerState.Stopped or ServerState.Crashed)
        {
            return;
        }

        State = ServerState.Crashed;
        foreach (var connection in Snapshot())
        {
            connection.Abort(); // first: a dead process's connections die at once
        }

        await StopListeningAsync();

        Gate.Open(); // a crash ends a hang too: the loops must run to notice their reset
        _stopping.Cancel();
        await WaitForLoopsAsync();
        ServerLog.Stopped(Logger, Name, "crashed");
    }

    /// <summary>
    /// Stops on purpose: no new connections; every client is told to move (HA MOVE, or a
    /// NOTICE); after the grace period, or once every client has left, the rest are closed.
    /// </summary>
    public async Task ShutdownAsync(string reason = "Server shutting down", CancellationToken cancellationToken = default)
    {
        if (State is ServerState.Stopped or ServerState.Crashed or ServerState.ShuttingDown or ServerState.Created)
        {
            State = State == ServerState.Created ? ServerState.Stopped : State;
            return;
        }

        Gate.Open();
        State = ServerState.ShuttingDown;
        await StopListeningAsync();
        var grace = Options.Ha.ShutdownGrace;
        foreach (var connection in Snapshot())
        {
            connection.AnnounceShutdown(grace, reason);
        }

        await WaitForConnectionsAsync(grace, cancellationToken);
        foreach (var connection in Snapshot())
        {
            connection.CloseForShutdown(reason);
        }

        _stopping.Cancel();
        await WaitForLoopsAsync();
        State = ServerState.Stopped;
        ServerLog.Stopped(Logger, Name, "shut down");
    }

    public async ValueTask DisposeAsync()
    {
        await ShutdownAsync();
        Metrics.Dispose();
        _stopping.Dispose();
    }

    internal void Remove(ClientConnection connection)
    {
        TaskCompletionSource? allClosed = null;
        lock (_lock)
        {
            _connections.Remove(connection);
            if (_connections.Count == 0)
            {
                allClosed = _allClosed;
            }
        }

        allClosed?.TrySetResult();
    }

    private List<ClientConnection> Snapshot()
    {
        lock (_lock)
        {
            return [.. _connections];
        }
    }

    private async Task StopListeningAsync()
    {
        List<IConnectionListener> listeners;
        lock (_lock)
        {
            listeners = [.. _listeners];
            _listeners.Clear();
        }

        foreach (var listener in listeners)
        {
            await listener.UnbindAsync();
        }
    }

    private async Task WaitForConnectionsAsync(TimeSpan grace, CancellationToken cancellationToken)
    {
        Task allClosed;
        lock (_lock)
        {
            if (_connections.Count == 0)
            {
                return;
            }

            // No RunContinuationsAsynchronously: awaited through Task.WhenAny, it would hop
            // through the thread pool, which a simulation loop cannot see.
            _allClosed = new TaskCompletionSource();
            allClosed = _allClosed.Task;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await Task.WhenAny(allClosed, Task.Delay(grace, Time, timeout.Token));
        timeout.Cancel();
    }

    private async Task WaitForLoopsAsync()
    {
        Task[] loops;
        lock (_lock)
        {
            loops = [.. _acceptLoops, .. _connections.Select(c => c.Completion)];
        }

        await Task.WhenAll(loops);
    }
}
