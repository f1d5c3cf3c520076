using System.Net;
using ApartiumChat.Transport;
using ApartiumChat.Transport.Tcp;

namespace ApartiumChat.Faults.Tests.Support;

/// <summary>An echo server on real loopback TCP, built on the project's own transport.</summary>
internal sealed class TcpEcho : IAsyncDisposable
{
    private readonly IConnectionListener _listener;
    private readonly Task _accepting;
    private readonly List<Task> _sessions = [];

    private TcpEcho(IConnectionListener listener)
    {
        _listener = listener;
        _accepting = AcceptAsync();
    }

    public EndPoint EndPoint => _listener.EndPoint;

    public static async Task<TcpEcho> StartAsync(TcpTransport transport) =>
        new(await transport.BindAsync(new IPEndPoint(IPAddress.Loopback, 0)));

    public async ValueTask DisposeAsync()
    {
        await _listener.UnbindAsync();
        await _accepting;
        Task[] sessions;
        lock (_sessions)
        {
            sessions = [.. _sessions];
        }

        await Task.WhenAll(sessions).WaitAsync(TimeSpan.FromSeconds(10));
    }

    private async Task AcceptAsync()
    {
        while (await _listener.AcceptAsync() is { } connection)
        {
            lock (_sessions)
            {
                _sessions.Add(EchoAsync(connection));
            }
        }
    }

    private static async Task EchoAsync(IConnection connection)
    {
        await using (connection)
        {
            try
            {
                var input = connection.Transport.Input;
                while (true)
                {
                    var result = await input.ReadAsync();
                    foreach (var segment in result.Buffer)
                    {
                        await connection.Transport.Output.WriteAsync(segment);
                    }

                    input.AdvanceTo(result.Buffer.End);
                    if (result.IsCompleted)
                    {
                        await connection.Transport.Output.CompleteAsync();
                        return;
                    }
                }
            }
            catch (ConnectionResetException)
            {
                // The client reset: nothing to echo.
            }
        }
    }
}
