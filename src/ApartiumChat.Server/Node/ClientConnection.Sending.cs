using ApartiumChat.Protocol;

namespace ApartiumChat.Server.Node;

/// <summary>
/// The send side: a bounded queue of encoded lines and the loop that writes it out.
/// A client that stops reading lets its queue fill; past <c>Limits.SendQueueBytes</c> it is
/// dropped, so it never holds up anyone else (StackExchange.Redis calls this the backlog rule).
/// </summary>
internal sealed partial class ClientConnection
{
    private const int FlushThreshold = 32 * 1024;

    private readonly SendQueue _queue = new();
    private long _queuedBytes;
    private int _overflowed;
    private Task _writing = Task.CompletedTask;

    /// <summary>Sends a server message: <c>:server COMMAND params...</c>.</summary>
    public void SendFromServer(string command, params ReadOnlySpan<string> parameters) =>
        Send(new IrcMessage(command, parameters) { Source = _server.Name });

    /// <summary>Sends a numeric reply addressed to this client: <c>:server 001 nick params...</c>.</summary>
    public void Reply(string numeric, params ReadOnlySpan<string> parameters) =>
        Send(new IrcMessage(numeric, [Target, .. parameters]) { Source = _server.Name });

    /// <summary>Sends a standard reply: <c>FAIL command code [context...] :description</c>.</summary>
    public void Fail(string command, string code, string description, params ReadOnlySpan<string> context)
    {
        var parameters = new List<string>(context.Length + 3) { AsMiddle(command), code };
        foreach (var item in context)
        {
            parameters.Add(AsMiddle(item));
        }

        parameters.Add(description);
        Send(new IrcMessage(IrcCommands.Fail, parameters) { Source = _server.Name });
    }

    /// <summary>Client words echoed in a middle parameter must be one: no space, no leading ':'.</summary>
    private static string AsMiddle(string text) =>
        text.Length == 0 || text.StartsWith(':') || text.Contains(' ', StringComparison.Ordinal) ? "*" : text;

    public void Send(IrcMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        byte[] line;
        try
        {
            line = IrcMessageWriter.ToBytes(message);
        }
        catch (IrcLineTooLongException)
        {
            // A reply built from client input can run long; cut its last parameter rather than lose it.
            line = IrcMessageWriter.ToBytes(Shorten(message));
        }

        if (!TryCollect(line))
        {
            Enqueue(line);
        }
    }

    /// <summary>Sends an already encoded line (CRLF included).</summary>
    public void SendLine(ReadOnlyMemory<byte> line)
    {
        if (!TryCollect(line))
        {
            Enqueue(line);
        }
    }

    /// <summary>Queues a line without going through a label collector.</summary>
    private void Enqueue(ReadOnlyMemory<byte> line, bool force = false)
    {
        var queued = Interlocked.Add(ref _queuedBytes, line.Length);
        if (!force && queued > _server.Options.Limits.SendQueueBytes)
        {
            Interlocked.Add(ref _queuedBytes, -line.Length);
            if (Interlocked.Exchange(ref _overflowed, 1) == 0)
            {
                RequestClose("SendQ exceeded", "send queue full (client not reading)");
            }

            return;
        }

        if (_queue.TryAdd(line, out var wake))
        {
            _server.Metrics.Queued(line.Length);
            if (wake)
            {
                DeliveryBatch.Wake(_queue);
            }
        }
        else
        {
            Interlocked.Add(ref _queuedBytes, -line.Length);
        }
    }

    private async Task WriteLoopAsync()
    {
        var output = _transport.Transport.Output;
        try
        {
            while (await _queue.WaitToReadAsync())
            {
                await _server.Gate.WaitAsync();
                var written = _queue.DrainInto(output, FlushThreshold);
                Interlocked.Add(ref _queuedBytes, -written);

                var flushed = await output.FlushAsync();
                if (flushed.IsCompleted || flushed.IsCanceled)
                {
                    return;
                }
            }
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or ObjectDisposedException)
        {
            // The connection died under us; the read loop reports why.
            _transport.Transport.Input.CancelPendingRead();
        }
    }

    /// <summary>Lets the writer send what is queued (ERROR included), bounded in time, then stops it.</summary>
    private async Task DrainWriterAsync()
    {
        if (_writing.IsCompleted)
        {
            return;
        }

        using var timeout = new CancellationTokenSource();
        var drained = await Task.WhenAny(_writing, Task.Delay(TimeSpan.FromSeconds(5), _server.Time, timeout.Token));
        timeout.Cancel();
        if (drained != _writing)
        {
            _transport.Abort(); // it would not take our last lines: no reason to wait on it
        }

        await _writing;
    }

    private static IrcMessage Shorten(IrcMessage message)
    {
        var parameters = message.Params.ToArray();
        parameters[^1] = Messages.OutboundMessage.FitText(parameters[^1], 200);
        return message.WithParams(parameters);
    }
}
