using System.Buffers;
using System.Buffers.Text;
using System.Diagnostics;
using System.IO.Pipelines;
using System.Net;
using System.Text;
using ApartiumChat.Protocol;
using ApartiumChat.Transport;

namespace ApartiumChat.Cli.Bench;

/// <summary>
/// A plain IRC client for load generation: registers (NICK/USER, no CAP), joins, sends
/// PRIVMSG lines carrying their send timestamp, answers PING, and hands every PRIVMSG it
/// receives to an <see cref="ILoadObserver"/>. Speaks only what every IRC server
/// understands, so it can drive ours and any peer alike.
/// </summary>
/// <remarks>
/// Lines are formatted straight into the connection's pipe (no strings), so that the
/// generator spends its CPU on the wire, not on itself: it shares the machine with the server.
/// </remarks>
internal sealed class LoadClient : IAsyncDisposable
{
    private static readonly byte[] Privmsg = "PRIVMSG "u8.ToArray();

    private readonly IConnection _connection;
    private readonly ILoadObserver? _observer;
    private readonly SemaphoreSlim _writing = new(1, 1);
    private readonly TaskCompletionSource _registered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource? _joined;
    private Task _reading = Task.CompletedTask;

    private LoadClient(IConnection connection, string nick, int index, ILoadObserver? observer)
    {
        _connection = connection;
        Nick = nick;
        Index = index;
        _observer = observer;
    }

    public string Nick { get; }

    /// <summary>The workload's number for this client.</summary>
    public int Index { get; }

    /// <summary>The workload's slot for this client among the members of its channel.</summary>
    public int Slot { get; set; }

    /// <summary>The connection is gone (closed by either side).</summary>
    public bool Closed => _reading.IsCompleted;

    /// <summary>The last ERROR or refusal the server sent, if any.</summary>
    public string? LastError { get; private set; }

    /// <summary>PRIVMSGs received (written by the read loop only).</summary>
    public long Delivered;

    public static async Task<LoadClient> ConnectAsync(IConnectionFactory factory, EndPoint server, string nick, int index, ILoadObserver? observer, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var connection = await factory.ConnectAsync(server, cancellationToken);
        var client = new LoadClient(connection, nick, index, observer);
        try
        {
            client._reading = client.ReadAsync();
            await client.SendAsync($"NICK {nick}\r\nUSER {nick} 0 * :load\r\n", cancellationToken);
            await client._registered.Task.WaitAsync(timeout, cancellationToken);
            return client;
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    public async Task JoinAsync(string channel, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var joined = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _joined, joined);
        await SendAsync($"JOIN {channel}\r\n", cancellationToken);
        await joined.Task.WaitAsync(timeout, cancellationToken);
    }

    public async Task SendAsync(string lines, CancellationToken cancellationToken)
    {
        await _writing.WaitAsync(cancellationToken);
        try
        {
            await _connection.Transport.Output.WriteAsync(Encoding.UTF8.GetBytes(lines), cancellationToken);
        }
        finally
        {
            _writing.Release();
        }
    }

    /// <summary>
    /// Sends <paramref name="count"/> lines <c>PRIVMSG target :timestamp sender padding</c> in
    /// one write; the timestamp is <see cref="Stopwatch.GetTimestamp"/> when the line is formatted.
    /// </summary>
    public async ValueTask SendMessagesAsync(byte[] target, int count, int sender, int textBytes, CancellationToken cancellationToken)
    {
        await _writing.WaitAsync(cancellationToken);
        try
        {
            var output = _connection.Transport.Output;
            for (var i = 0; i < count; i++)
            {
                WriteMessage(output, target, sender, textBytes);
            }

            await output.FlushAsync(cancellationToken);
        }
        finally
        {
            _writing.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await SendAsync("QUIT :done\r\n", CancellationToken.None);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or ObjectDisposedException)
        {
            // Gone already.
        }

        try
        {
            await _connection.DisposeAsync();
            await _reading;
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or ObjectDisposedException)
        {
            // Reset by the server on QUIT: nothing to do.
        }

        _writing.Dispose();
    }

    private static void WriteMessage(PipeWriter output, byte[] target, int sender, int textBytes)
    {
        // "PRIVMSG " target " :" timestamp ' ' sender ' ' padding CRLF
        var length = Privmsg.Length + target.Length + 2 + 20 + 1 + 11 + 1 + textBytes + 2;
        var span = output.GetSpan(length);
        var at = 0;
        Privmsg.CopyTo(span);
        at += Privmsg.Length;
        target.CopyTo(span[at..]);
        at += target.Length;
        span[at++] = (byte)' ';
        span[at++] = (byte)':';
        var textStart = at;
        Utf8Formatter.TryFormat(Stopwatch.GetTimestamp(), span[at..], out var written);
        at += written;
        span[at++] = (byte)' ';
        Utf8Formatter.TryFormat(sender, span[at..], out written);
        at += written;
        span[at++] = (byte)' ';
        var padding = Math.Max(1, textBytes - (at - textStart));
        span.Slice(at, padding).Fill((byte)'x');
        at += padding;
        span[at++] = (byte)'\r';
        span[at++] = (byte)'\n';
        output.Advance(at);
    }

    private async Task ReadAsync()
    {
        var input = _connection.Transport.Input;
        var lines = new IrcLineReader();
        var pongs = new StringBuilder();
        try
        {
            while (true)
            {
                var result = await input.ReadAsync();
                var buffer = result.Buffer;
                while (lines.TryReadLine(ref buffer, out var line) == IrcLineStatus.Line)
                {
                    Handle(line, pongs);
                }

                input.AdvanceTo(buffer.Start, buffer.End);
                _observer?.ReadDone(this);
                if (pongs.Length > 0)
                {
                    await SendAsync(pongs.ToString(), CancellationToken.None);
                    pongs.Clear();
                }

                if (result.IsCompleted)
                {
                    break;
                }
            }
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or ObjectDisposedException)
        {
            _registered.TrySetException(new IOException($"{Nick}: connection lost while registering", e));
        }

        _registered.TrySetException(new IOException($"{Nick}: the server closed the connection"));
        _joined?.TrySetException(new IOException($"{Nick}: the server closed the connection"));
    }

    private void Handle(ReadOnlySpan<byte> line, StringBuilder pongs)
    {
        if (!IrcLine.TryParse(line, out var parsed, out _))
        {
            return;
        }

        if (parsed.IsCommand("PRIVMSG"u8))
        {
            Delivered++;
            if (parsed.ParamCount >= 2)
            {
                _observer?.Received(this, parsed.Param(1));
            }
        }
        else if (parsed.IsCommand("PING"u8))
        {
            pongs.Append("PONG :").Append(parsed.ParamCount > 0 ? parsed.ParamString(0) : "x").Append("\r\n");
        }
        else if (parsed.IsCommand("001"u8))
        {
            _registered.TrySetResult();
        }
        else if (parsed.IsCommand("366"u8))
        {
            Volatile.Read(ref _joined)?.TrySetResult();
        }
        else if (parsed.IsCommand("ERROR"u8) || IsRegistrationError(parsed))
        {
            LastError = Encoding.UTF8.GetString(line);
            var error = new InvalidOperationException($"{Nick}: the server said {LastError}");
            _registered.TrySetException(error);
            Volatile.Read(ref _joined)?.TrySetException(error);
        }
    }

    // 432/433/436: nick refused; 465: banned; 471-475: cannot join.
    private static bool IsRegistrationError(IrcLine line) =>
        line.IsCommand("432"u8) || line.IsCommand("433"u8) || line.IsCommand("436"u8) || line.IsCommand("465"u8)
        || line.IsCommand("471"u8) || line.IsCommand("473"u8) || line.IsCommand("474"u8) || line.IsCommand("475"u8);

    /// <summary>Reads the timestamp and sender number from a message this generator sent.</summary>
    public static bool TryReadStamp(ReadOnlySpan<byte> text, out long sentAt, out int sender)
    {
        sender = 0;
        if (!Utf8Parser.TryParse(text, out sentAt, out var used) || used >= text.Length || text[used] != (byte)' ')
        {
            return false;
        }

        return Utf8Parser.TryParse(text[(used + 1)..], out sender, out _);
    }
}
