using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;

namespace ApartiumChat.Transport.Tcp;

/// <summary>
/// One socket read and written through pipe ends directly, with no pipe in between:
/// <code>
///   socket --(read when the application asks)--> Transport.Input
///   Transport.Output --(sent when the application flushes)--> socket   (output completed => FIN)
/// </code>
/// </summary>
/// <remarks>
/// No <see cref="Pipe"/> and no pump loop per direction: a receive happens inside the
/// application's <c>ReadAsync</c> (an empty "wait for data" receive first, so an idle
/// connection holds no buffer) and a send inside its <c>FlushAsync</c> (which completes when
/// the kernel has taken the bytes: back-pressure is the socket's own). The pipe ends are the
/// framework's stream adapters (<see cref="PipeReader.Create(Stream, StreamPipeReaderOptions)"/>,
/// <see cref="PipeWriter.Create(Stream, StreamPipeWriterOptions)"/>) over <see cref="SocketStream"/>.
/// Compared with two pipes and two loops this saves about 2.9 KB per connection (thousands of
/// idle clients) and a hand-off per direction; see docs/performance.md.
/// </remarks>
internal sealed class SocketConnection : IConnection
{
    private readonly Socket _socket;
    private readonly PipeWriter _output;
    private int _aborted;
    private int _disposed;

    public SocketConnection(Socket socket, long id, TcpTransportOptions options)
    {
        _socket = socket;
        Id = id;
        LocalEndPoint = socket.LocalEndPoint!;
        RemoteEndPoint = socket.RemoteEndPoint!;
        var stream = new SocketStream(socket, this);
        var input = PipeReader.Create(stream, new StreamPipeReaderOptions(
            bufferSize: options.ReceiveBufferBytes,
            minimumReadSize: Math.Min(1024, options.ReceiveBufferBytes),
            leaveOpen: true,
            useZeroByteReads: true));

        // Completing the output disposes the stream, which half-closes the socket (FIN).
        _output = PipeWriter.Create(stream, new StreamPipeWriterOptions(leaveOpen: false));
        Transport = new DuplexPipe(input, _output);
    }

    public long Id { get; }

    public EndPoint LocalEndPoint { get; }

    public EndPoint RemoteEndPoint { get; }

    public IDuplexPipe Transport { get; }

    internal bool IsAborted => Volatile.Read(ref _aborted) != 0;

    internal bool IsDisposed => Volatile.Read(ref _disposed) != 0;

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

        // A receive or send in progress fails now, and the application's read or flush with it.
        _socket.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            await _output.CompleteAsync(); // sends what was written and not flushed, then FIN
        }
        catch (IOException)
        {
            // The peer is gone: nothing more can be sent.
        }
        catch (InvalidOperationException)
        {
            // The application is still flushing (it should have finished first): the close below ends it.
        }

        // The input is the application's to complete; a read still pending ends now (as end of stream).
        _socket.Dispose();
    }

    /// <summary>The exception the application sees for a socket failure; null for our own graceful close.</summary>
    internal Exception? Translate(Exception e)
    {
        if (IsAborted)
        {
            return new ConnectionResetException("The connection was aborted.");
        }

        if (IsDisposed && e is ObjectDisposedException)
        {
            return null;
        }

        return e is SocketException se
            ? new ConnectionResetException($"The connection failed: {se.SocketErrorCode}.", se)
            : new ConnectionResetException("The connection was closed.", e);
    }
}
