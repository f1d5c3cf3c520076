using System.Net;
using System.Net.Sockets;

namespace ApartiumChat.Transport.Tcp;

/// <summary>Real TCP: listeners and outgoing connections over <see cref="Socket"/>s.</summary>
public sealed class TcpTransport : IConnectionListenerFactory, IConnectionFactory
{
    private readonly TcpTransportOptions _options;
    private long _nextId;

    public TcpTransport(TcpTransportOptions? options = null)
    {
        _options = options ?? TcpTransportOptions.Default;
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.ReceiveBufferBytes, 1, nameof(options));
    }

    public ValueTask<IConnectionListener> BindAsync(EndPoint endPoint, CancellationToken cancellationToken = default)
    {
        var socket = CreateSocket(endPoint);
        try
        {
            // No ReuseAddress here: on Linux .NET maps it to SO_REUSEPORT too, which would let
            // two servers share a port. .NET already sets SO_REUSEADDR on Unix, so a restarted
            // server binds its old port at once despite connections in TIME_WAIT.
            socket.Bind(endPoint is DnsEndPoint dns ? Resolve(dns) : endPoint);
            socket.Listen(_options.Backlog);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        return ValueTask.FromResult<IConnectionListener>(new SocketListener(socket, this));
    }

    public async ValueTask<IConnection> ConnectAsync(EndPoint endPoint, CancellationToken cancellationToken = default)
    {
        var socket = CreateSocket(endPoint);
        try
        {
            await socket.ConnectAsync(endPoint, cancellationToken);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        return Wrap(socket);
    }

    internal SocketConnection Wrap(Socket socket)
    {
        socket.NoDelay = _options.NoDelay;
        return new SocketConnection(socket, Interlocked.Increment(ref _nextId), _options);
    }

    private static Socket CreateSocket(EndPoint endPoint)
    {
        if (endPoint is IPEndPoint ip && ip.AddressFamily == AddressFamily.InterNetwork)
        {
            return new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        }

        // Dual mode reaches IPv6 and IPv4 addresses, and whatever a host name resolves to.
        return new Socket(SocketType.Stream, ProtocolType.Tcp);
    }

    private static IPEndPoint Resolve(DnsEndPoint dns)
    {
        var addresses = Dns.GetHostAddresses(dns.Host);
        if (addresses.Length == 0)
        {
            throw new SocketException((int)SocketError.HostNotFound);
        }

        return new IPEndPoint(addresses[0], dns.Port);
    }
}
