using System.Buffers;
using System.IO.Pipelines;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Threading.Tasks.Sources;

namespace ApartiumChat.Transport.Tcp;

/// <summary>
/// A connection's input read straight off a non-blocking socket: the application's
/// <c>ReadAsync</c> receives what the kernel holds at once, and when there is nothing it
/// waits with an empty receive (no buffer), then receives.
/// </summary>
/// <remarks>
/// Why not <see cref="Pipe"/> or <see cref="PipeReader.Create(Stream, StreamPipeReaderOptions)"/>:
/// an idle connection then holds a pipe (or the stream reader's segment pool, its
/// cancellation source and an async state machine per pending read), about 1.3 KB more than
/// this reader's own fields, times every idle client. Here the unread bytes are one
/// contiguous pooled array, returned as soon as the application has consumed everything; a
/// pending read is this object (its own <see cref="IValueTaskSource{TResult}"/>), and
/// <see cref="CancelPendingRead"/> completes it without cancelling the socket's wait, which
/// the next read picks up again. A read completes on the thread that saw the data, as a pipe
/// with inline scheduling would.
/// </remarks>
internal sealed class SocketPipeReader : PipeReader, IValueTaskSource<ReadResult>
{
    private const int SmallBufferBytes = 1024;

    private readonly Socket _socket;
    private readonly SocketConnection _connection;
    private readonly int _bufferBytes;
    private readonly Lock _gate = new();
    private ManualResetValueTaskSourceCore<ReadResult> _pending;
    private ValueTaskAwaiter<int> _wait;
    private Action? _onWaitCompleted;
    private byte[]? _buffer;
    private int _start;
    private int _end;
    private bool _examinedAll;
    private bool _reading;
    private bool _waitInFlight;
    private bool _cancelNext;
    private bool _ended;
    private bool _completed;
    private Exception? _error;
    private CancellationTokenRegistration _callerCancellation;

    public SocketPipeReader(Socket socket, SocketConnection connection, int bufferBytes)
    {
        _socket = socket;
        _connection = connection;
        _bufferBytes = bufferBytes;
    }

    public override ValueTask<ReadResult> ReadAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_completed, this);
            if (_reading)
            {
                throw new InvalidOperationException("A read is already pending.");
            }

            cancellationToken.ThrowIfCancellationRequested();
            if (TryReadLocked(out var ready))
            {
                return ValueTask.FromResult(ready);
            }

            _reading = true;
            _pending.Reset();
            _pending.RunContinuationsAsynchronously = false; // data wakes the reader on the socket's thread
            if (cancellationToken.CanBeCanceled)
            {
                _callerCancellation = cancellationToken.UnsafeRegister(static (state, token) => ((SocketPipeReader)state!).CancelRead(token), this);
            }

            if (!_waitInFlight)
            {
                StartWaitLocked();
            }
        }

        return new ValueTask<ReadResult>(this, _pending.Version);
    }

    public override bool TryRead(out ReadResult result)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_completed, this);
            return TryReadLocked(out result);
        }
    }

    public override void AdvanceTo(SequencePosition consumed) => AdvanceTo(consumed, consumed);

    public override void AdvanceTo(SequencePosition consumed, SequencePosition examined)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_completed, this);
            if (_buffer is null)
            {
                return; // nothing was handed out (an empty result)
            }

            // Positions in the array handed out; any other (an empty result's) means "nothing".
            var consumedAt = ReferenceEquals(consumed.GetObject(), _buffer) ? consumed.GetInteger() : _start;
            var examinedAt = ReferenceEquals(examined.GetObject(), _buffer) ? examined.GetInteger() : _start;
            if (consumedAt < _start || consumedAt > _end || examinedAt < consumedAt || examinedAt > _end)
            {
                throw new InvalidOperationException("The position is outside the data that was read.");
            }

            _start = consumedAt;
            _examinedAll = examinedAt == _end;
            if (_start == _end)
            {
                ReturnBuffer(); // all consumed: an idle connection holds no buffer
            }
        }
    }

    public override void CancelPendingRead()
    {
        ReadResult result;
        lock (_gate)
        {
            if (!_reading)
            {
                _cancelNext = true;
                return;
            }

            _reading = false;
            result = new ReadResult(Data(), isCanceled: true, isCompleted: false);
            WakeElsewhere();
        }

        Finish(result, null);
    }

    public override void Complete(Exception? exception = null)
    {
        lock (_gate)
        {
            if (_completed)
            {
                return;
            }

            _completed = true;
            ReturnBuffer();
        }
    }

    ReadResult IValueTaskSource<ReadResult>.GetResult(short token) => _pending.GetResult(token);

    ValueTaskSourceStatus IValueTaskSource<ReadResult>.GetStatus(short token) => _pending.GetStatus(token);

    void IValueTaskSource<ReadResult>.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _pending.OnCompleted(continuation, state, token, flags);

    /// <summary>A result without waiting: a cancellation asked for, unexamined data, the end, an error, or what the kernel holds.</summary>
    private bool TryReadLocked(out ReadResult result)
    {
        if (_cancelNext)
        {
            _cancelNext = false;
            result = new ReadResult(Data(), isCanceled: true, isCompleted: false);
            return true;
        }

        // Unexamined data comes back first, without a receive.
        if (HasUnexamined && !_ended)
        {
            return Ready(out result);
        }

        // An empty receive still waiting must finish first: the socket keeps the order of receives.
        if (!_ended && !_waitInFlight)
        {
            ReceiveLocked();
        }

        if (_error is { } error)
        {
            _error = null;
            _ended = true;
            throw error;
        }

        if (HasUnexamined || _ended)
        {
            return Ready(out result);
        }

        result = default;
        return false;
    }

    private bool HasUnexamined => !_examinedAll && _end > _start;

    /// <summary>The data held (and whether the input has ended), examined until the application says how far it looked.</summary>
    private bool Ready(out ReadResult result)
    {
        result = new ReadResult(Data(), isCanceled: false, isCompleted: _ended);
        _examinedAll = true;
        return true;
    }

    /// <summary>One non-blocking receive into the free end of the buffer: new data, the end, an error, or nothing yet.</summary>
    private void ReceiveLocked()
    {
        var buffer = BufferWithRoom();
        int received;
        try
        {
            received = _socket.Receive(buffer.AsSpan(_end), SocketFlags.None, out var status);
            if (status == SocketError.WouldBlock)
            {
                if (_start == _end)
                {
                    ReturnBuffer(); // nothing to keep while waiting: an idle connection holds no buffer
                }
                else
                {
                    ShrinkForWaiting();
                }

                return;
            }

            if (status != SocketError.Success)
            {
                throw new SocketException((int)status);
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            NoteFailure(e);
            return;
        }

        if (received == 0)
        {
            _ended = true; // FIN from the peer
            return;
        }

        _end += received;
        _examinedAll = false;
    }

    /// <summary>A failed receive: an error for the next read, or, after our own close, the end of the input.</summary>
    private void NoteFailure(Exception e)
    {
        if (_connection.Translate(e) is { } error)
        {
            _error = error;
        }
        else
        {
            _ended = true;
        }
    }

    private void StartWaitLocked()
    {
        _waitInFlight = true;
        try
        {
            Watch(_socket.ReceiveAsync(Memory<byte>.Empty, SocketFlags.None));
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            Watch(ValueTask.FromException<int>(e));
        }
    }

    /// <summary>Consumes <paramref name="wait"/> once: <see cref="OnWaitCompleted"/> takes its result.</summary>
    private void Watch(ValueTask<int> wait)
    {
        _wait = wait.GetAwaiter();
        _wait.UnsafeOnCompleted(_onWaitCompleted ??= OnWaitCompleted);
    }

    /// <summary>The socket has data (or an end, or an error): complete the pending read, if it is still pending.</summary>
    private void OnWaitCompleted()
    {
        ReadResult result = default;
        Exception? error = null;
        lock (_gate)
        {
            _waitInFlight = false;
            try
            {
                _wait.GetResult();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                NoteFailure(e);
            }

            _wait = default;
            if (!_reading || _completed)
            {
                return; // cancelled meanwhile: the data waits in the kernel for the next read
            }

            try
            {
                if (!TryReadLocked(out result))
                {
                    StartWaitLocked(); // woken without data after all: wait again
                    return;
                }
            }
            catch (ConnectionResetException e)
            {
                error = e;
            }

            _reading = false;
        }

        Finish(result, error);
    }

    private void CancelRead(CancellationToken token)
    {
        lock (_gate)
        {
            if (!_reading)
            {
                return;
            }

            _reading = false;
            WakeElsewhere();
        }

        Finish(default, new OperationCanceledException(token));
    }

    /// <summary>
    /// A cancellation comes from any thread, often one inside other work (a server delivering to
    /// a whole channel under its lock drops a client that stopped reading): the reader's
    /// continuation must not run there and then, so it is queued, as a pipe's would be.
    /// </summary>
    private void WakeElsewhere() => _pending.RunContinuationsAsynchronously = true;

    private void Finish(ReadResult result, Exception? error)
    {
        _callerCancellation.Dispose();
        _callerCancellation = default;
        if (error is null)
        {
            _pending.SetResult(result);
        }
        else
        {
            _pending.SetException(error);
        }
    }

    private ReadOnlySequence<byte> Data() =>
        _buffer is null ? ReadOnlySequence<byte>.Empty : new ReadOnlySequence<byte>(_buffer, _start, _end - _start);

    /// <summary>
    /// The buffer with room for a full-size receive at its end: rented, compacted, or moved
    /// to a bigger one (what is unread goes along).
    /// </summary>
    private byte[] BufferWithRoom()
    {
        if (_buffer is null)
        {
            _buffer = ArrayPool<byte>.Shared.Rent(_bufferBytes);
            _start = _end = 0;
            return _buffer;
        }

        if (_buffer.Length - _end >= _bufferBytes / 2)
        {
            return _buffer;
        }

        var size = Math.Max(_bufferBytes, (_end - _start) * 2);
        MoveUnreadTo(size <= _buffer.Length ? _buffer : ArrayPool<byte>.Shared.Rent(size));
        return _buffer;
    }

    /// <summary>
    /// Going to wait with a few unread bytes (half a line): they move to a small buffer, so a
    /// connection that stops mid-line holds about a line, not a full-size receive buffer.
    /// </summary>
    private void ShrinkForWaiting()
    {
        var unread = _end - _start;
        if (_buffer is null || _buffer.Length <= 4 * Math.Max(unread, SmallBufferBytes))
        {
            return;
        }

        MoveUnreadTo(ArrayPool<byte>.Shared.Rent(Math.Max(unread, SmallBufferBytes)));
    }

    /// <summary>Moves the unread bytes to the start of <paramref name="target"/> (the buffer itself: compacting), returning the old buffer to the pool.</summary>
    private void MoveUnreadTo(byte[] target)
    {
        var unread = _end - _start;
        Buffer.BlockCopy(_buffer!, _start, target, 0, unread);
        if (!ReferenceEquals(target, _buffer))
        {
            ArrayPool<byte>.Shared.Return(_buffer!);
            _buffer = target;
        }

        _start = 0;
        _end = unread;
    }

    private void ReturnBuffer()
    {
        if (_buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = null;
        }

        _start = _end = 0;
    }
}
