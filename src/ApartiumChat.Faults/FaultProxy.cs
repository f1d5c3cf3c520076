using System.Net;
using System.Net.Sockets;
using ApartiumChat.Faults.Journal;
using ApartiumChat.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ApartiumChat.Faults;

/// <summary>
/// A fault-injecting TCP proxy: it listens, and forwards each accepted connection to the
/// upstream through one toxic chain per direction.
/// <code>
///   client --&gt; [listen] ==upstream chain==&gt;   [connect] --&gt; server
///   client &lt;--          &lt;==downstream chain==           &lt;-- server
/// </code>
/// It moves bytes and nothing else: without toxics it never corrupts, reorders or loses a
/// byte, and passes half-closes (FIN) and resets (RST) through in both directions. Toxics can
/// be added, changed and removed while connections are open; they act on them at once.
/// It works on any transport (TCP, or the in-memory network on a simulation loop) and takes
/// its time from a <see cref="TimeProvider"/> and its randomness from <see cref="FaultProxyOptions.Seed"/>.
/// All members are safe to call from any thread.
/// </summary>
public sealed partial class FaultProxy : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _lifecycle = new(1, 1);
    private readonly IConnectionListenerFactory _listeners;
    private readonly FaultProxyOptions _options;
    private readonly ILogger _logger;
    private readonly long _origin;
    private IConnectionListener? _listener;
    private Task _accepting = Task.CompletedTask;
    private EndPoint _listen;
    private EndPoint _upstream;
    private bool _disposed;

    private FaultProxy(
        FaultProxyOptions options,
        IConnectionListenerFactory listeners,
        IConnectionFactory connector,
        TimeProvider time,
        ILogger logger)
    {
        _options = options;
        _listeners = listeners;
        Connector = connector;
        Time = time;
        _logger = logger;
        _origin = time.GetTimestamp();
        _listen = options.Listen;
        _upstream = options.Upstream!;
        Journal = options.Journal ?? new InjectionJournal();
    }

    public string Name => _options.Name;

    /// <summary>The client label the journal keys this proxy's decisions by.</summary>
    public string Client => _options.Client ?? _options.Name;

    /// <summary>The master seed of this proxy's random decisions.</summary>
    public long Seed => _options.Seed;

    /// <summary>The listening address: the bound one (real port) once it has listened.</summary>
    public EndPoint Listen
    {
        get
        {
            lock (_gate)
            {
                return _listen;
            }
        }
    }

    public EndPoint Upstream
    {
        get
        {
            lock (_gate)
            {
                return _upstream;
            }
        }
    }

    /// <summary>Whether the proxy listens and forwards (false once disabled).</summary>
    public bool Enabled
    {
        get
        {
            lock (_gate)
            {
                return _listener is not null;
            }
        }
    }

    /// <summary>Every random decision this proxy made and every connection a toxic ended.</summary>
    public InjectionJournal Journal { get; }

    internal IConnectionFactory Connector { get; }

    internal TimeProvider Time { get; }

    internal ILogger Logger => _logger;

    /// <summary>Creates a proxy and, unless <see cref="FaultProxyOptions.Enabled"/> is false, starts listening.</summary>
    /// <exception cref="FaultProxyException">The options are invalid, or the listen address cannot be bound.</exception>
    public static async Task<FaultProxy> StartAsync(
        FaultProxyOptions options,
        IConnectionListenerFactory listeners,
        IConnectionFactory connector,
        TimeProvider time,
        ILogger? logger = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(listeners);
        ArgumentNullException.ThrowIfNull(connector);
        ArgumentNullException.ThrowIfNull(time);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new FaultProxyException(FaultErrorKind.Invalid, string.Join("; ", problems));
        }

        var proxy = new FaultProxy(options, listeners, connector, time, logger ?? NullLogger.Instance);
        if (options.Enabled)
        {
            await proxy.EnableAsync(cancellationToken);
        }

        return proxy;
    }

    /// <summary>Starts listening again (on the address it had: a port once chosen is kept). No-op when enabled.</summary>
    /// <exception cref="FaultProxyException">The address cannot be bound (<see cref="FaultErrorKind.ListenFailed"/>).</exception>
    public async Task EnableAsync(CancellationToken cancellationToken = default)
    {
        await _lifecycle.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            await StartListeningAsync(cancellationToken);
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>Stops listening (new connections are refused) and closes every open connection. No-op when disabled.</summary>
    public async Task DisableAsync(CancellationToken cancellationToken = default)
    {
        await _lifecycle.WaitAsync(cancellationToken);
        try
        {
            await StopListeningAsync();
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>
    /// Changes where the proxy listens or forwards; a change closes every open connection (as in
    /// Toxiproxy). Then enables or disables it as <paramref name="enabled"/> says.
    /// </summary>
    public async Task ReconfigureAsync(EndPoint? listen, EndPoint? upstream, bool enabled, CancellationToken cancellationToken = default)
    {
        await _lifecycle.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            bool moved;
            lock (_gate)
            {
                moved = (listen is not null && !listen.Equals(_listen)) || (upstream is not null && !upstream.Equals(_upstream));
            }

            if (moved)
            {
                await StopListeningAsync();
                lock (_gate)
                {
                    _listen = listen ?? _listen;
                    _upstream = upstream ?? _upstream;
                }
            }

            if (enabled)
            {
                await StartListeningAsync(cancellationToken);
            }
            else
            {
                await StopListeningAsync();
            }
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>Stops listening and resets every open connection.</summary>
    public async ValueTask DisposeAsync()
    {
        await _lifecycle.WaitAsync();
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            IConnectionListener? listener;
            lock (_gate)
            {
                listener = _listener;
                _listener = null;
            }

            if (listener is not null)
            {
                await listener.UnbindAsync();
                await _accepting;
            }

            lock (_gate)
            {
                foreach (var entry in _toxics)
                {
                    entry.Heal?.Dispose();
                    entry.Heal = null;
                }
            }

            var links = TakeLinksForShutdown();
            foreach (var link in links)
            {
                link.Abort();
            }

            foreach (var link in links)
            {
                await link.Completion;
            }
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    private async Task StartListeningAsync(CancellationToken cancellationToken)
    {
        EndPoint listen;
        lock (_gate)
        {
            if (_listener is not null)
            {
                return;
            }

            listen = _listen;
        }

        IConnectionListener listener;
        try
        {
            listener = await _listeners.BindAsync(listen, cancellationToken);
        }
        catch (Exception e) when (e is SocketException or ArgumentException or NotSupportedException or IOException)
        {
            throw new FaultProxyException(FaultErrorKind.ListenFailed, ListenError(listen, e), e);
        }

        lock (_gate)
        {
            _listener = listener;
            _listen = listener.EndPoint;
        }

        FaultProxyLog.Started(_logger, Name, NetworkAddress.Format(listener.EndPoint), NetworkAddress.Format(Upstream));
        _accepting = AcceptLoopAsync(listener);
    }

    private async Task StopListeningAsync()
    {
        IConnectionListener? listener;
        lock (_gate)
        {
            listener = _listener;
            _listener = null;
        }

        if (listener is null)
        {
            return;
        }

        await listener.UnbindAsync();
        await _accepting;
        foreach (var link in TakeLinksForShutdown())
        {
            link.Close();
        }

        FaultProxyLog.Stopped(_logger, Name);
    }

    private async Task AcceptLoopAsync(IConnectionListener listener)
    {
        while (true)
        {
            IConnection? connection;
            try
            {
                connection = await listener.AcceptAsync();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or InvalidOperationException or IOException)
            {
                FaultProxyLog.AcceptFailed(_logger, Name, e.Message);
                return;
            }

            if (connection is null)
            {
                return;
            }

            try
            {
                await AdmitAsync(connection, listener);
            }
            catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or InvalidOperationException)
            {
                FaultProxyLog.AdmitFailed(_logger, Name, e.Message); // one connection failed; keep accepting
            }
        }
    }

    /// <summary>Toxiproxy's wording for a failed listen, e.g. "listen tcp 127.0.0.1:8474: bind: address already in use".</summary>
    private static string ListenError(EndPoint listen, Exception e)
    {
        var reason = e is SocketException se
            ? se.SocketErrorCode switch
            {
                SocketError.AddressAlreadyInUse => "bind: address already in use",
                SocketError.AddressNotAvailable => "bind: cannot assign requested address",
                SocketError.AccessDenied => "bind: permission denied",
                SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => "lookup failed: no such host",
                _ => se.Message,
            }
            : e.Message;
        return $"listen tcp {NetworkAddress.Format(listen)}: {reason}";
    }
}
