namespace ApartiumChat.Transport.Simulation;

/// <summary>
/// Virtual time for simulation: the clock moves only when <see cref="SimulationLoop"/> (or a
/// test) advances it, and due timers fire in (due time, creation order) order, so a run
/// replays identically.
/// </summary>
public sealed class VirtualTimeProvider : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly PriorityQueue<VirtualTimer, (long Due, long Sequence)> _timers = new();
    private readonly DateTimeOffset _epoch;
    private long _now;
    private long _sequence;

    public VirtualTimeProvider()
        : this(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero))
    {
    }

    public VirtualTimeProvider(DateTimeOffset epoch)
    {
        _epoch = epoch;
    }

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <summary>Virtual time elapsed since the epoch.</summary>
    public TimeSpan Elapsed => TimeSpan.FromTicks(Volatile.Read(ref _now));

    public override DateTimeOffset GetUtcNow() => _epoch + Elapsed;

    public override long GetTimestamp() => Volatile.Read(ref _now);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new VirtualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>When the next timer is due, if any.</summary>
    public bool TryPeekNextDue(out TimeSpan due)
    {
        lock (_gate)
        {
            while (_timers.TryPeek(out var timer, out var key))
            {
                if (timer.IsScheduledAt(key.Sequence))
                {
                    due = TimeSpan.FromTicks(key.Due);
                    return true;
                }

                _timers.Dequeue(); // changed or disposed since it was queued
            }
        }

        due = default;
        return false;
    }

    /// <summary>
    /// Moves the clock to <paramref name="target"/> (never backwards), firing every timer due
    /// on the way, each at its own due time.
    /// </summary>
    public void AdvanceTo(TimeSpan target)
    {
        while (TryTakeDue(target.Ticks, out var timer))
        {
            timer.Fire();
        }

        lock (_gate)
        {
            if (target.Ticks > _now)
            {
                Volatile.Write(ref _now, target.Ticks);
            }
        }
    }

    /// <summary>Moves the clock forward by <paramref name="delta"/>, firing due timers.</summary>
    public void Advance(TimeSpan delta) => AdvanceTo(Elapsed + delta);

    /// <summary>Fires the earliest timer due at or before <paramref name="limit"/> (moving the clock to it).</summary>
    public bool FireNext(TimeSpan limit)
    {
        if (!TryTakeDue(limit.Ticks, out var timer))
        {
            return false;
        }

        timer.Fire();
        return true;
    }

    private bool TryTakeDue(long limit, out VirtualTimer timer)
    {
        lock (_gate)
        {
            while (_timers.TryPeek(out timer!, out var key))
            {
                if (!timer.IsScheduledAt(key.Sequence))
                {
                    _timers.Dequeue();
                    continue;
                }

                if (key.Due > limit)
                {
                    return false;
                }

                _timers.Dequeue();
                if (key.Due > _now)
                {
                    Volatile.Write(ref _now, key.Due);
                }

                timer.Unschedule(key.Sequence);
                return true;
            }

            return false;
        }
    }

    // Every change to a timer's schedule happens under _gate, so a timer changed on one
    // thread while the clock advances on another is neither lost nor fired twice.
    private void Schedule(VirtualTimer timer, TimeSpan dueTime)
    {
        lock (_gate)
        {
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                timer.Scheduled = 0;
                return;
            }

            var sequence = ++_sequence;
            var due = _now + Math.Max(0, dueTime.Ticks);
            _timers.Enqueue(timer, (due, sequence));
            timer.Scheduled = sequence;
        }
    }

    private sealed class VirtualTimer : ITimer
    {
        private readonly VirtualTimeProvider _owner;
        private readonly TimerCallback _callback;
        private readonly object? _state;
        private TimeSpan _period = Timeout.InfiniteTimeSpan;
        private volatile bool _disposed;

        public VirtualTimer(VirtualTimeProvider owner, TimerCallback callback, object? state)
        {
            _owner = owner;
            _callback = callback;
            _state = state;
        }

        /// <summary>Sequence of the live queue entry, 0 when none. Guarded by the owner's gate.</summary>
        public long Scheduled { get; set; }

        public bool IsScheduledAt(long sequence) => Scheduled == sequence;

        public void Unschedule(long sequence)
        {
            if (Scheduled == sequence)
            {
                Scheduled = 0;
            }
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            if (_disposed)
            {
                return false;
            }

            _period = period;
            _owner.Schedule(this, dueTime);
            return true;
        }

        public void Fire()
        {
            if (_disposed)
            {
                return;
            }

            if (_period != Timeout.InfiniteTimeSpan && _period > TimeSpan.Zero)
            {
                _owner.Schedule(this, _period);
            }

            _callback(_state);
        }

        public void Dispose()
        {
            _disposed = true;
            _owner.Schedule(this, Timeout.InfiniteTimeSpan);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
