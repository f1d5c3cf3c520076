using System.IO.Pipelines;
using System.Net;
using System.Text;
using ApartiumChat.Protocol;
using ApartiumChat.Transport;

namespace ApartiumChat.Cli.Bench;

/// <summary>
/// A plain IRC client for load generation: registers, joins, sends raw lines and hands
/// every received line to a callback. Speaks only what every IRC server understands.
/// </summary>
internal sealed class LoadClient : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly Action<LoadClient, IrcLine>? _onLine;
    private readonly TaskCompletionSource _registered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _joined = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _reading = Task.CompletedTask;
    private string? _joining;

    private LoadClient(IConnection connection, string nick, Action<LoadClient, IrcLine>? onLine)
    {
        _connection = connection;
        Nick = nick;
        _onLine = onLine;
    }

    public string Nick { get; }

    public long LinesReceived { get; private set; }

    public static async Task<LoadClient> ConnectAsync(IConnectionFactory factory, EndPoint server, string nick, Action<LoadClient, IrcLine>? onLine, CancellationToken cancellationToken)
    {
        var connection = await factory.ConnectAsync(server, cancellationToken);
        var client = new LoadClient(connection, nick, onLine);
        client._reading = client.ReadAsync();
        await client.SendAsync($"NICK {nick}\r\nUSER {nick} 0 * :load\r\n");
        await client._registered.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        return client;
    }

    public async Task JoinAsync(string channel, CancellationToken cancellationToken)
    {
        _joining = channel;
        await SendAsync($"JOIN {channel}\r\n");
        await _joined.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
    }

    public ValueTask<FlushResult> SendAsync(string lines) =>
        _connection.Transport.Output.WriteAsync(Encoding.UTF8.GetBytes(lines));

    public ValueTask<FlushResult> SendAsync(ReadOnlyMemory<byte> lines) => _connection.Transport.Output.WriteAsync(lines);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await SendAsync("QUIT :done\r\n");
        }
        catch (IOException)
        {
        }

        await _connection.DisposeAsync();
        try
        {
            await _reading;
        }
        catch (IOException)
        {
        }
    }

    private async Task ReadAsync()
    {
        var input = _connection.Transport.Input;
        var lines = new IrcLineReader();
        var pongs = new StringBuilder();
        while (true)
        {
            var result = await input.ReadAsync();
            var buffer = result.Buffer;
            while (lines.TryReadLine(ref buffer, out var line) == IrcLineStatus.Line)
            {
                LinesReceived++;
                if (!IrcLine.TryParse(line, out var parsed, out _))
                {
                    continue;
                }

                if (parsed.IsCommand("PING"u8))
                {
                    pongs.Append("PONG :").Append(parsed.ParamCount > 0 ? parsed.ParamString(0) : "x").Append("\r\n");
                }
                else if (parsed.IsCommand("001"u8))
                {
                    _registered.TrySetResult();
                }
                else if (parsed.IsCommand("433"u8) || parsed.IsCommand("ERROR"u8))
                {
                    _registered.TrySetException(new InvalidOperationException($"{Nick}: {Encoding.UTF8.GetString(line)}"));
                }
                else if (parsed.IsCommand("366"u8) && _joining is not null)
                {
                    _joined.TrySetResult();
                }

                _onLine?.Invoke(this, parsed);
            }

            input.AdvanceTo(buffer.Start, buffer.End);
            if (pongs.Length > 0)
            {
                await SendAsync(pongs.ToString());
                pongs.Clear();
            }

            if (result.IsCompleted)
            {
                return;
            }
        }
    }
}
