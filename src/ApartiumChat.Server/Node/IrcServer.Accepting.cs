using System.Text;
using ApartiumChat.Server.Diagnostics;
using ApartiumChat.Transport;

namespace ApartiumChat.Server.Node;

/// <summary>Accepting connections: the connection limit and the hang gate.</summary>
public sealed partial class IrcServer
{
    private async Task AcceptLoopAsync(IConnectionListener listener, ServerEndpoint endpoint)
    {
        try
        {
            while (true)
            {
                // A hung node accepts nothing: connections wait in the backlog, handshake done.
                await Gate.WaitAsync();
                var connection = await listener.AcceptAsync(Stopping);
                if (connection is null)
                {
                    return;
                }

                await Gate.WaitAsync();
                if (State is not (ServerState.Running or ServerState.Hung))
                {
                    connection.Abort();
                    return;
                }

                await AdmitAsync(connection, endpoint);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or ObjectDisposedException)
        {
            ServerLog.AcceptFailed(Logger, e, Name);
        }
    }

    private async Task AdmitAsync(IConnection connection, ServerEndpoint endpoint)
    {
        ClientConnection? client = null;
        lock (_lock)
        {
            if (_connections.Count < Options.Limits.MaxConnections)
            {
                client = new ClientConnection(this, connection, endpoint.Certificate);
                _connections.Add(client);
            }
        }

        if (client is null)
        {
            ServerLog.Refused(Logger, connection.Id, "too many connections");
            await RefuseAsync(connection); // a few bytes into the socket buffer: it does not wait on the peer
            return;
        }

        Metrics.ConnectionOpened();
        ServerLog.Accepted(Logger, connection.Id, NetworkAddress.Format(connection.RemoteEndPoint));
        client.Start();
    }

    private async Task RefuseAsync(IConnection connection)
    {
        try
        {
            var error = Encoding.ASCII.GetBytes($"ERROR :Closing link: too many connections on {Name}\r\n");
            await connection.Transport.Output.WriteAsync(error);
        }
        catch (IOException)
        {
            // It left first.
        }
        finally
        {
            await connection.DisposeAsync();
        }
    }
}
