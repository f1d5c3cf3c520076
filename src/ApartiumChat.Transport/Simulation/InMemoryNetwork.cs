using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;

namespace ApartiumChat.Transport.Simulation;

/// <summary>
/// A network inside the process: listeners bound to any <see cref="EndPoint"/>, connections
/// made of two pipes. Behaves like loopback TCP where it matters to engines: a connect to an
/// address nobody listens on is refused, a listener that is not accepting still completes
/// handshakes (the backlog), FIN and RST are distinct, and each direction buffers a bounded
/// number of bytes before the writer must wait.
/// </summary>
/// <remarks>
/// Pipes use inline schedulers and the caller's <see cref="SynchronizationContext"/>, so on a
/// <see cref="SimulationLoop"/> every wake-up is queued on the loop and runs deterministically.
/// </remarks>
public sealed class InMemoryNetwork : IConnectionListenerFactory, IConnectionFactory
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, InMemoryListener> _listeners = new(StringComparer.Ordinal);
    private readonly PipeOptions _pipeOptions;
    private long _nextConnectionId;
    private int _nextEphemeralPort = 40000;

    public InMemoryNetwork(int maxBufferedBytes = 64 * 1024)
    {
        _pipeOptions = new PipeOptions(
            readerScheduler: PipeScheduler.Inline,
            writerScheduler: PipeScheduler.Inline,
            pauseWriterThreshold: maxBufferedBytes,
            resumeWriterThreshold: maxBufferedBytes / 2,
            useSynchronizationContext: true);
    }

    public ValueTask<IConnectionListener> BindAsync(EndPoint endPoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        lock (_gate)
        {
            if (endPoint is IPEndPoint { Port: 0 } ip)
            {
                endPoint = new IPEndPoint(ip.Address, _nextEphemeralPort++);
            }

            var key = Key(endPoint);
            if (_listeners.ContainsKey(key))
            {
                throw new SocketException((int)SocketError.AddressAlreadyInUse);
            }

            var listener = new InMemoryListener(this, endPoint);
            _listeners.Add(key, listener);
            return ValueTask.FromResult<IConnectionListener>(listener);
        }
    }

    public ValueTask<IConnection> ConnectAsync(EndPoint endPoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        cancellationToken.ThrowIfCancellationRequested();
        InMemoryListener? listener;
        long id;
        EndPoint local;
        lock (_gate)
        {
            _listeners.TryGetValue(Key(endPoint), out listener);
            id = ++_nextConnectionId;
            local = new IPEndPoint(IPAddress.Loopback, _nextEphemeralPort++);
        }

        if (listener is null)
        {
            return ValueTask.FromException<IConnection>(new SocketException((int)SocketError.ConnectionRefused));
        }

        var link = new InMemoryLink(_pipeOptions);
        var client = new InMemoryConnection(id, local, endPoint, link, inbound: link.ToClient, outbound: link.ToServer);
        var server = new InMemoryConnection(id, endPoint, local, link, inbound: link.ToServer, outbound: link.ToClient);
        if (!listener.Offer(server))
        {
            return ValueTask.FromException<IConnection>(new SocketException((int)SocketError.ConnectionRefused));
        }

        return ValueTask.FromResult<IConnection>(client);
    }

    internal void Remove(InMemoryListener listener)
    {
        lock (_gate)
        {
            var key = Key(listener.EndPoint);
            if (_listeners.TryGetValue(key, out var bound) && ReferenceEquals(bound, listener))
            {
                _listeners.Remove(key);
            }
        }
    }

    private static string Key(EndPoint endPoint) => NetworkAddress.Format(endPoint);

    internal sealed class InMemoryListener : IConnectionListener
    {
        private readonly InMemoryNetwork _network;
        private readonly Channel<InMemoryConnection> _backlog = Channel.CreateUnbounded<InMemoryConnection>(
            new UnboundedChannelOptions { SingleReader = false, SingleWriter = false });

        public InMemoryListener(InMemoryNetwork network, EndPoint endPoint)
        {
            _network = network;
            EndPoint = endPoint;
        }

        public EndPoint EndPoint { get; }

        public bool Offer(InMemoryConnection connection) => _backlog.Writer.TryWrite(connection);

        public async ValueTask<IConnection?> AcceptAsync(CancellationToken cancellationToken = default)
        {
            try
            {
                return await _backlog.Reader.ReadAsync(cancellationToken);
            }
            catch (ChannelClosedException)
            {
                return null;
            }
        }

        public ValueTask UnbindAsync(CancellationToken cancellationToken = default)
        {
            _network.Remove(this);
            if (_backlog.Writer.TryComplete())
            {
                // Connections still waiting in the backlog are reset, as the kernel does.
                while (_backlog.Reader.TryRead(out var pending))
                {
                    pending.Abort();
                }
            }

            return ValueTask.CompletedTask;
        }

        public ValueTask DisposeAsync() => UnbindAsync();
    }
}
