using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;

namespace ApartiumChat.Transport.Tcp;

/// <summary>
/// One socket read and written through pipe ends directly, with no pipe in between:
/// <code>
///   socket --(received when the application reads)--> Transport.Input    (SocketPipeReader)
///   Transport.Output --(sent when the application flushes)--> socket  (SocketPipeWriter; completed => FIN)
/// </code>
/// </summary>
/// <remarks>
/// The socket is non-blocking: a read takes what the kernel holds with one <c>recv</c>, and
/// waits (an empty receive, no buffer) only when there is nothing; a flush is one <c>send</c>,
/// and waits only when the kernel's send buffer is full, which is the back-pressure. No pipe
/// and no pump loop per direction: an idle connection holds its socket, the two pipe ends
/// and one pending empty receive, no buffer. See docs/performance.md for what this saved.
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
        socket.Blocking = false; // receives and sends that would wait say so instead: see the reader and the writer
        _output = new SocketPipeWriter(socket, this);
        Transport = new DuplexPipe(new SocketPipeReader(socket, this, options.ReceiveBufferBytes), _output);
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

        // The input is the application's to complete; a read still pending ends now (as end of stream).
        _socket.Dispose();
    }

    /// <summary>The exception the application sees for a socket failure; null for our own graceful close.</summary>
    internal ConnectionResetException? Translate(Exception e)
    {
        if (IsAborted)
        {
            return new ConnectionResetException("The connection was aborted.");
        }

        if (IsDisposed && e is ObjectDisposedException or SocketException { SocketErrorCode: SocketError.OperationAborted })
        {
            return null;
        }

        return e is SocketException se
            ? new ConnectionResetException($"The connection failed: {se.SocketErrorCode}.", se)
            : new ConnectionResetException("The connection was closed.", e);
    }
}
