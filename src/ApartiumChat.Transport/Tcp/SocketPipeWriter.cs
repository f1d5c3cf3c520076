using System.Buffers;
using System.IO.Pipelines;
using System.Net.Sockets;
using System.Runtime.CompilerServices;

namespace ApartiumChat.Transport.Tcp;

/// <summary>
/// A connection's output written straight to a non-blocking socket: the application writes
/// into one pooled buffer, and <c>FlushAsync</c> sends it at once, awaiting only when the
/// kernel's send buffer is full (the socket's own back-pressure).
/// </summary>
/// <remarks>
/// The usual flush is one non-blocking <c>send</c> on the caller's thread, with no state
/// machine, no socket event args and no cancellation source; those exist only for a flush
/// that has to wait for the peer to read. The buffer goes back to the pool once sent, so an
/// idle connection holds none. Completing the writer sends what is left, then half-closes
/// (FIN).
/// </remarks>
internal sealed class SocketPipeWriter : PipeWriter
{
    private const int MinimumBufferBytes = 4096;

    private readonly Socket _socket;
    private readonly SocketConnection _connection;
    private byte[]? _buffer;
    private int _written;
    private int _sent;
    private bool _flushing;
    private bool _completed;
    private CancellationTokenSource? _flushCancellation;
    private volatile bool _cancelNext;

    public SocketPipeWriter(Socket socket, SocketConnection connection)
    {
        _socket = socket;
        _connection = connection;
    }

    public override void Advance(int bytes)
    {
        if (bytes < 0 || _buffer is null || _written + bytes > _buffer.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(bytes), "Advanced past the memory that was asked for.");
        }

        _written += bytes;
    }

    public override Memory<byte> GetMemory(int sizeHint = 0) => Reserve(sizeHint).AsMemory(_written);

    public override Span<byte> GetSpan(int sizeHint = 0) => Reserve(sizeHint).AsSpan(_written);

    public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        if (_flushing)
        {
            throw new InvalidOperationException("A flush is already pending.");
        }

        if (_cancelNext)
        {
            _cancelNext = false;
            return ValueTask.FromResult(new FlushResult(isCanceled: true, isCompleted: false));
        }

        if (SendWhatFits())
        {
            return ValueTask.FromResult(default(FlushResult));
        }

        BeginWaitingFlush();
        return SendRestAsync(cancellationToken);
    }

    public override void CancelPendingFlush()
    {
        if (Volatile.Read(ref _flushing))
        {
            try
            {
                _flushCancellation?.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The flush has just ended.
            }
        }
        else
        {
            _cancelNext = true;
        }
    }

    public override void Complete(Exception? exception = null) =>
        _ = CompleteAsync(exception).AsTask(); // sending the rest may have to wait for the peer

    public override async ValueTask CompleteAsync(Exception? exception = null)
    {
        if (_completed)
        {
            return;
        }

        _completed = true;
        var flushing = _flushing; // misuse, but possible: a flush still waiting owns the buffer
        try
        {
            if (exception is null && !flushing && !SendWhatFits())
            {
                BeginWaitingFlush();
                await SendRestAsync(CancellationToken.None);
            }
        }
        catch (ConnectionResetException)
        {
            // The peer is gone: there is nobody left to send to.
        }
        finally
        {
            if (!flushing)
            {
                ReturnBuffer();
                _flushCancellation?.Dispose();
            }

            try
            {
                _socket.Shutdown(SocketShutdown.Send); // half-close: FIN, reading goes on
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                // Reset or closed already: there is nothing to half-close.
            }
        }
    }

    /// <summary>Sends without waiting as much as the kernel takes; true once all is sent (the buffer then goes back).</summary>
    private bool SendWhatFits()
    {
        while (_sent < _written)
        {
            int sent;
            try
            {
                sent = _socket.Send(_buffer.AsSpan(_sent, _written - _sent), SocketFlags.None, out var status);
                if (status == SocketError.WouldBlock)
                {
                    return false;
                }

                if (status != SocketError.Success)
                {
                    throw new SocketException((int)status);
                }
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                throw Failure(e);
            }

            _sent += sent;
        }

        ReturnBuffer();
        return true;
    }

    /// <summary>
    /// A flush is about to wait for the peer: its cancellation source is ready before it is
    /// marked as flushing, so <see cref="CancelPendingFlush"/> from another thread always finds
    /// it, and a cancel that came in just before is not lost.
    /// </summary>
    private void BeginWaitingFlush()
    {
        if (_flushCancellation is null || !_flushCancellation.TryReset())
        {
            _flushCancellation?.Dispose();
            _flushCancellation = new CancellationTokenSource();
        }

        Volatile.Write(ref _flushing, true);
        if (_cancelNext)
        {
            _cancelNext = false;
            _flushCancellation.Cancel();
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<FlushResult> SendRestAsync(CancellationToken cancellationToken)
    {
        using var linked = cancellationToken.UnsafeRegister(static s => ((CancellationTokenSource)s!).Cancel(), _flushCancellation);
        try
        {
            while (_sent < _written)
            {
                _sent += await _socket.SendAsync(_buffer.AsMemory(_sent, _written - _sent), SocketFlags.None, _flushCancellation!.Token);
            }

            ReturnBuffer();
            return default;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new FlushResult(isCanceled: true, isCompleted: false); // CancelPendingFlush: the rest stays for the next flush
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            throw Failure(e);
        }
        finally
        {
            Volatile.Write(ref _flushing, false);
        }
    }

    /// <summary>The buffer with room for <paramref name="sizeHint"/> more bytes after what is written.</summary>
    private byte[] Reserve(int sizeHint)
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        ArgumentOutOfRangeException.ThrowIfNegative(sizeHint);
        if (_flushing)
        {
            throw new InvalidOperationException("Write while a flush is pending: the buffer is being sent.");
        }

        var needed = _written + Math.Max(sizeHint, 1);
        if (_buffer is null)
        {
            _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(needed, MinimumBufferBytes));
        }
        else if (needed > _buffer.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, _buffer.Length * 2));
            Buffer.BlockCopy(_buffer, 0, bigger, 0, _written);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }

        return _buffer;
    }

    private void ReturnBuffer()
    {
        if (_buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = null;
        }

        _written = _sent = 0;
    }

    // After our own graceful close a write has nowhere to go: an error all the same.
    private ConnectionResetException Failure(Exception e) =>
        _connection.Translate(e) ?? new ConnectionResetException("The connection was closed.", e);
}
