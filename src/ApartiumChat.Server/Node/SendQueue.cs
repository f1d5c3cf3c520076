using System.Buffers;
using System.Threading.Tasks.Sources;

namespace ApartiumChat.Server.Node;

/// <summary>
/// The encoded lines waiting for one connection's writer loop: any thread adds, the writer
/// alone takes. A small ring under a lock, and one reusable awaitable for the writer.
/// </summary>
/// <remarks>
/// It replaces an unbounded Channel, which cost each connection about 1.3 KB even when idle
/// (a 32-slot segment, reader and waiter objects): thousands of idle clients feel that. The
/// ring is allocated on first use, kept while it is small, and dropped by <see cref="Trim"/>
/// once the connection has been quiet (the liveness check), so an idle connection holds none.
/// <para>
/// Waking the writer is separate from adding (<see cref="TryAdd"/> tells the one caller who
/// must wake it), so that a fan-out can add to many queues and wake each writer once at the
/// end of the batch (see <see cref="DeliveryBatch"/>), rather than once per line.
/// </para>
/// </remarks>
internal sealed class SendQueue : IValueTaskSource<bool>
{
    private const int FirstSize = 4;

    // A drained ring up to this size (16 KiB) is kept while the connection is busy: fan-out
    // batches (up to a read's worth of lines per member; a 64 KiB read holds hundreds) then
    // reuse it instead of growing a new one each time. At 64 that regrowth was two thirds of
    // the server's allocation in a fan-out run. A quiet connection drops it (Trim).
    private const int KeptSize = 1024;

    private readonly Lock _gate = new();
    private ReadOnlyMemory<byte>[] _ring = [];
    private int _head;
    private int _count;
    private bool _completed;
    private bool _waiting;
    private bool _shrink;
    private ManualResetValueTaskSourceCore<bool> _signal = new() { RunContinuationsAsynchronously = true };

    /// <summary>
    /// Adds a line; false once completed. <paramref name="wake"/> is true for exactly one
    /// caller while the writer sleeps: that caller must call <see cref="Wake"/> (now or soon).
    /// </summary>
    public bool TryAdd(ReadOnlyMemory<byte> line, out bool wake)
    {
        lock (_gate)
        {
            wake = false;
            if (_completed)
            {
                return false;
            }

            if (_count == _ring.Length)
            {
                Grow();
            }

            _ring[(_head + _count) % _ring.Length] = line;
            _count++;
            if (_waiting)
            {
                _waiting = false;
                wake = true;
            }

            return true;
        }
    }

    /// <summary>
    /// Wakes the writer; only after <see cref="TryAdd"/> said so. Inline, the writer loop runs
    /// on this thread until its next wait (it writes, flushes and, with inline transport
    /// scheduling, sends), instead of being queued to the thread pool.
    /// </summary>
    public void Wake(bool inline = false)
    {
        _signal.RunContinuationsAsynchronously = !inline;
        _signal.SetResult(true);
    }

    /// <summary>No more lines: the writer drains what is there, then stops.</summary>
    public void Complete()
    {
        bool wake;
        lock (_gate)
        {
            _completed = true;
            wake = _waiting;
            _waiting = false;
        }

        if (wake)
        {
            Wake();
        }
    }

    /// <summary>
    /// Writer only: true when there are lines to take, false when completed and drained.
    /// Completes at once when it can; otherwise when a line arrives (and its adder wakes it).
    /// </summary>
    public ValueTask<bool> WaitToReadAsync()
    {
        lock (_gate)
        {
            if (_count > 0)
            {
                return ValueTask.FromResult(true);
            }

            if (_completed)
            {
                return ValueTask.FromResult(false);
            }

            _signal.Reset();
            _waiting = true;
            return new ValueTask<bool>(this, _signal.Version);
        }
    }

    /// <summary>Writer only: copies lines into <paramref name="output"/> until about <paramref name="maxBytes"/>; returns the bytes copied.</summary>
    public int DrainInto(IBufferWriter<byte> output, int maxBytes)
    {
        var written = 0;
        lock (_gate)
        {
            while (_count > 0 && written < maxBytes)
            {
                ref var slot = ref _ring[_head];
                output.Write(slot.Span);
                written += slot.Length;
                slot = default;
                _head = (_head + 1) % _ring.Length;
                _count--;
            }

            if (_count == 0)
            {
                _head = 0;
                if (_ring.Length > KeptSize || _shrink)
                {
                    _ring = []; // a burst is over: an idle connection keeps no big ring
                    _shrink = false;
                }
            }
        }

        return written;
    }

    /// <summary>Drops the ring the next time the writer empties it (after a one-off burst such as the welcome).</summary>
    public void ShrinkWhenDrained()
    {
        lock (_gate)
        {
            _shrink = true;
        }
    }

    /// <summary>Drops the ring if nothing is queued: the connection has gone quiet.</summary>
    public void Trim()
    {
        lock (_gate)
        {
            if (_count == 0)
            {
                _ring = [];
                _head = 0;
            }
        }
    }

    private void Grow()
    {
        var bigger = new ReadOnlyMemory<byte>[Math.Max(FirstSize, _ring.Length * 2)];
        for (var i = 0; i < _count; i++)
        {
            bigger[i] = _ring[(_head + i) % _ring.Length];
        }

        _ring = bigger;
        _head = 0;
    }

    bool IValueTaskSource<bool>.GetResult(short token) => _signal.GetResult(token);

    ValueTaskSourceStatus IValueTaskSource<bool>.GetStatus(short token) => _signal.GetStatus(token);

    void IValueTaskSource<bool>.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _signal.OnCompleted(continuation, state, token, flags);
}
