using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;

namespace ApartiumChat.Transport.Tcp;

/// <summary>
/// One socket behind two pipes:
/// <code>
///   socket --receive loop--> [input pipe]  --> Transport.Input
///   Transport.Output --> [output pipe] --send loop--> socket   (writer completed => FIN)
/// </code>
/// </summary>
internal sealed class SocketConnection : IConnection
{
    private readonly Socket _socket;
    private readonly Pipe _input;
    private readonly Pipe _output;
    private readonly int _receiveBufferBytes;
    private Task _receiving = Task.CompletedTask;
    private Task _sending = Task.CompletedTask;
    private int _aborted;
    private int _disposed;

    public SocketConnection(Socket socket, long id, PipeOptions options, int receiveBufferBytes)
    {
        _receiveBufferBytes = receiveBufferBytes;
        _socket = socket;
        Id = id;
        LocalEndPoint = socket.LocalEndPoint!;
        RemoteEndPoint = socket.RemoteEndPoint!;
        _input = new Pipe(options);
        _output = new Pipe(options);
        Transport = new DuplexPipe(_input.Reader, _output.Writer);
    }

    public long Id { get; }

    public EndPoint LocalEndPoint { get; }

    public EndPoint RemoteEndPoint { get; }

    public IDuplexPipe Transport { get; }

    public void Start()
    {
        _receiving = ReceiveAsync();
        _sending = SendAsync();
    }

    public void Abort()
    {
        if (Interlocked.Exchange(ref _aborted, 1) != 0)
        {
            return;
        }

        try
        {
            // Linger 0 turns the close into a RST.
            _socket.LingerState = new LingerOption(true, 0);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Already closed: nothing left to reset.
        }

        _socket.Dispose();
        _output.Reader.CancelPendingRead();
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _output.Writer.CompleteAsync();
        await _sending;
        await _input.Reader.CompleteAsync();
        _socket.Dispose();
        await _receiving;
    }

    private async Task ReceiveAsync()
    {
        Exception? error = null;
        var writer = _input.Writer;
        try
        {
            var waitFirst = true;
            while (true)
            {
                // Wait for data with an empty buffer first, as Kestrel does: an idle
                // connection then holds no receive buffer (thousands of idle clients). After
                // a read that filled its buffer more is most likely waiting (streaming), so
                // read again at once: one system call per chunk instead of two.
                if (waitFirst)
                {
                    await _socket.ReceiveAsync(Memory<byte>.Empty, SocketFlags.None);
                }

                var memory = writer.GetMemory(_receiveBufferBytes);
                var received = await _socket.ReceiveAsync(memory, SocketFlags.None);
                if (received == 0)
                {
                    break; // FIN from the peer
                }

                waitFirst = received < memory.Length;
                writer.Advance(received);
                var flush = await writer.FlushAsync();
                if (flush.IsCompleted || flush.IsCanceled)
                {
                    break; // nobody reads any more
                }
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            error = Translate(e);
        }

        await writer.CompleteAsync(error);
    }

    private async Task SendAsync()
    {
        Exception? error = null;
        var reader = _output.Reader;
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync();
                if (result.IsCanceled)
                {
                    error = Translate(null);
                    break;
                }

                var buffer = result.Buffer;
                foreach (var segment in buffer)
                {
                    await SendAllAsync(segment);
                }

                reader.AdvanceTo(buffer.End);
                if (result.IsCompleted)
                {
                    _socket.Shutdown(SocketShutdown.Send); // half-close: FIN, reading goes on
                    break;
                }
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            error = Translate(e);
        }

        await reader.CompleteAsync(error);
    }

    private async ValueTask SendAllAsync(ReadOnlyMemory<byte> segment)
    {
        while (!segment.IsEmpty)
        {
            var sent = await _socket.SendAsync(segment, SocketFlags.None);
            segment = segment[sent..];
        }
    }

    private Exception? Translate(Exception? e)
    {
        if (Volatile.Read(ref _aborted) != 0)
        {
            return new ConnectionResetException("The connection was aborted.");
        }

        if (Volatile.Read(ref _disposed) != 0 && e is ObjectDisposedException)
        {
            return null; // our own graceful close
        }

        return e is SocketException se
            ? new ConnectionResetException($"The connection failed: {se.SocketErrorCode}.", se)
            : new ConnectionResetException("The connection was closed.", e!);
    }
}
