using System.Net;
using System.Net.Sockets;

namespace ApartiumChat.Transport.Tcp;

internal sealed class SocketListener : IConnectionListener
{
    private readonly Socket _socket;
    private readonly TcpTransport _transport;
    private int _unbound;

    public SocketListener(Socket socket, TcpTransport transport)
    {
        _socket = socket;
        _transport = transport;
        EndPoint = socket.LocalEndPoint!;
    }

    public EndPoint EndPoint { get; }

    public async ValueTask<IConnection?> AcceptAsync(CancellationToken cancellationToken = default)
    {
        while (Volatile.Read(ref _unbound) == 0)
        {
            try
            {
                var socket = await _socket.AcceptAsync(cancellationToken);
                return _transport.Wrap(socket);
            }
            catch (ObjectDisposedException)
            {
                return null;
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.OperationAborted)
            {
                return null;
            }
            catch (SocketException)
            {
                // A connection that died in the backlog (reset before accept): take the next one.
            }
        }

        return null;
    }

    public ValueTask UnbindAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _unbound, 1) == 0)
        {
            _socket.Dispose();
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => UnbindAsync();
}
