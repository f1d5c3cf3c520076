using System.Net.Sockets;
using System.Runtime.CompilerServices;

namespace ApartiumChat.Transport.Tcp;

/// <summary>
/// The socket as the stream under a connection's pipe ends: receives and sends straight on
/// the socket, failures as <see cref="ConnectionResetException"/>, disposal as a half-close
/// (FIN). Like <see cref="NetworkStream"/>, but it speaks the transport's error contract and
/// leaves closing the socket to <see cref="SocketConnection"/>.
/// </summary>
internal sealed class SocketStream(Socket socket, SocketConnection connection) : Stream
{
    public override bool CanRead => true;

    public override bool CanWrite => true;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ValueTask<int> receive;
        try
        {
            receive = socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            return connection.Translate(e) is { } error ? ValueTask.FromException<int>(error) : ValueTask.FromResult(0);
        }

        return receive.IsCompletedSuccessfully ? receive : AwaitReceiveAsync(receive);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        try
        {
            return socket.Receive(buffer, SocketFlags.None);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            return connection.Translate(e) is { } error ? throw error : 0;
        }
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ValueTask<int> send;
        try
        {
            send = socket.SendAsync(buffer, SocketFlags.None, cancellationToken);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            return ValueTask.FromException(WriteFailure(e));
        }

        if (!send.IsCompletedSuccessfully)
        {
            return SendRestAsync(send, buffer);
        }

        // The usual case: the kernel took it all at once.
        var sent = send.Result;
        return sent == buffer.Length ? default : SendRestAsync(ValueTask.FromResult(0), buffer[sent..]);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        try
        {
            while (!buffer.IsEmpty)
            {
                buffer = buffer[socket.Send(buffer, SocketFlags.None)..];
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            throw WriteFailure(e);
        }
    }

    public override void Flush()
    {
        // Nothing is buffered here.
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            try
            {
                socket.Shutdown(SocketShutdown.Send); // half-close: FIN, reading goes on
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                // Reset or closed already: there is nothing to half-close.
            }
        }

        base.Dispose(disposing);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<int> AwaitReceiveAsync(ValueTask<int> receive)
    {
        try
        {
            return await receive;
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            return connection.Translate(e) is { } error ? throw error : 0;
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask SendRestAsync(ValueTask<int> pending, ReadOnlyMemory<byte> buffer)
    {
        try
        {
            buffer = buffer[await pending..];
            while (!buffer.IsEmpty)
            {
                buffer = buffer[await socket.SendAsync(buffer, SocketFlags.None)..];
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            throw WriteFailure(e);
        }
    }

    // After our own graceful close a write has nowhere to go: an error all the same.
    private ConnectionResetException WriteFailure(Exception e) =>
        connection.Translate(e) as ConnectionResetException ?? new ConnectionResetException("The connection was closed.", e);
}
