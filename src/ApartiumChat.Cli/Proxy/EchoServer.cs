using System.Net;
using System.Net.Sockets;

namespace ApartiumChat.Cli.Proxy;

/// <summary>
/// The benchmark's far end: echoes every byte back. Plain blocking sockets on dedicated threads,
/// so it costs every target the same and stays out of the thread pool the proxy uses.
/// </summary>
internal sealed class EchoServer : IDisposable
{
    private readonly Socket _listener;
    private readonly Thread _acceptor;
    private readonly List<Socket> _connections = [];
    private readonly Lock _gate = new();

    public EchoServer()
    {
        _listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(64);
        EndPoint = (IPEndPoint)_listener.LocalEndPoint!;
        _acceptor = new Thread(Accept) { IsBackground = true, Name = "echo-accept" };
        _acceptor.Start();
    }

    public IPEndPoint EndPoint { get; }

    public void Dispose()
    {
        _listener.Dispose();
        lock (_gate)
        {
            foreach (var connection in _connections)
            {
                connection.Dispose();
            }
        }
    }

    private void Accept()
    {
        while (true)
        {
            Socket connection;
            try
            {
                connection = _listener.Accept();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                return;
            }

            connection.NoDelay = true;
            lock (_gate)
            {
                _connections.Add(connection);
            }

            new Thread(() => Echo(connection)) { IsBackground = true, Name = "echo" }.Start();
        }
    }

    private static void Echo(Socket connection)
    {
        var buffer = new byte[256 * 1024];
        try
        {
            while (true)
            {
                var read = connection.Receive(buffer);
                if (read == 0)
                {
                    connection.Shutdown(SocketShutdown.Send);
                    return;
                }

                var sent = 0;
                while (sent < read)
                {
                    sent += connection.Send(buffer, sent, read - sent, SocketFlags.None);
                }
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // The client went away.
        }
    }
}
