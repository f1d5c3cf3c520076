using System.Runtime.ExceptionServices;

namespace ApartiumChat.Transport.Simulation;

/// <summary>
/// One thread, one queue, one virtual clock: the deterministic loop that simulated runs and
/// fast tests drive engines on.
/// </summary>
/// <remarks>
/// Engines never pick their own thread; their awaits capture the current
/// <see cref="SynchronizationContext"/>. Inside <see cref="Run{T}"/> that context is this
/// loop, so every continuation, pipe wake-up and timer callback is queued here and run one at
/// a time in a fixed order. When the queue is empty the clock jumps to the next timer.
/// Nothing else moves, so the same inputs and seed give the same run, event for event.
/// <code>
///   ready queue --run one--> engine code --await/Post--> ready queue
///        ^ empty?                                            |
///        +-- clock jumps to next due timer, fires it --------+
/// </code>
/// </remarks>
public sealed class SimulationLoop
{
    private readonly Queue<(SendOrPostCallback Callback, object? State)> _ready = new();
    private readonly Lock _gate = new();
    private readonly LoopContext _context;
    private ExceptionDispatchInfo? _fault;
    private readonly ManualResetEventSlim _posted = new();
    private const long MaxStepsPerInstant = 20_000_000;

    private int _pumpThread;
    private long _stepsClock = -1;
    private long _stepsAtClock;
    private int _foreignPosts;

    public SimulationLoop(VirtualTimeProvider? time = null)
    {
        Time = time ?? new VirtualTimeProvider();
        _context = new LoopContext(this);
    }

    public VirtualTimeProvider Time { get; }

    /// <summary>The context that routes continuations into this loop.</summary>
    public SynchronizationContext Context => _context;

    /// <summary>Callbacks run so far: a cheap measure of simulated work.</summary>
    public long Steps { get; private set; }

    /// <summary>
    /// Work that reached the loop from another thread while it ran: the mark of a thread-pool
    /// hop (CancelAsync, a combinator over a RunContinuationsAsynchronously task, Task.Run...).
    /// Such work races the clock, so a run with any is not deterministic; <see cref="Run{T}"/>
    /// fails when it sees one.
    /// </summary>
    public int ForeignPosts => Volatile.Read(ref _foreignPosts);

    /// <summary>Queues work on the loop. Safe from any thread.</summary>
    public void Post(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        Enqueue(static s => ((Action)s!)(), action);
    }

    /// <summary>
    /// Starts <paramref name="entry"/> on the loop and runs the loop until its task completes.
    /// </summary>
    /// <param name="entry">The work to run.</param>
    /// <param name="timeout">Virtual time after which the run is abandoned with a <see cref="TimeoutException"/>.</param>
    public T Run<T>(Func<Task<T>> entry, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var task = Enter(entry);
        var deadline = timeout is { } t ? Time.Elapsed + t : TimeSpan.MaxValue;
        Pump(() => task.IsCompleted, deadline, throwOnDeadline: true);
        if (ForeignPosts > 0)
        {
            throw new InvalidOperationException(
                $"{ForeignPosts} continuation(s) reached the simulation loop from another thread: some code hopped through the thread pool, so this run was not deterministic.");
        }

        return task.GetAwaiter().GetResult();
    }

    public void Run(Func<Task> entry, TimeSpan? timeout = null) =>
        Run(async () =>
        {
            await entry();
            return 0;
        }, timeout);

    /// <summary>Runs the loop until virtual time has moved on by <paramref name="duration"/>.</summary>
    public void RunFor(TimeSpan duration)
    {
        var deadline = Time.Elapsed + duration;
        Pump(static () => false, deadline, throwOnDeadline: false);
        Time.AdvanceTo(deadline);
        RunReady();
    }

    /// <summary>Runs queued work (without moving the clock) until nothing is ready.</summary>
    public void RunReady() => Pump(static () => false, Time.Elapsed, throwOnDeadline: false);

    /// <summary>
    /// Runs the loop until <paramref name="condition"/> holds; fails after <paramref name="timeout"/> of virtual time.
    /// </summary>
    public void RunUntil(Func<bool> condition, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(condition);
        Pump(condition, Time.Elapsed + timeout, throwOnDeadline: true);
    }

    private Task<T> Enter<T>(Func<Task<T>> entry)
    {
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(_context);
        Volatile.Write(ref _pumpThread, Environment.CurrentManagedThreadId);
        try
        {
            return entry();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }
    }

    private void Pump(Func<bool> done, TimeSpan deadline, bool throwOnDeadline)
    {
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(_context);
        Volatile.Write(ref _pumpThread, Environment.CurrentManagedThreadId);
        try
        {
            while (true)
            {
                RunReadyItems(done);
                if (done())
                {
                    return;
                }

                if (!Time.TryPeekNextDue(out var due))
                {
                    if (AwaitStrayWork())
                    {
                        continue;
                    }

                    if (throwOnDeadline)
                    {
                        throw new InvalidOperationException("The simulation stalled: nothing is ready and no timer is pending.");
                    }

                    return;
                }

                if (due > deadline)
                {
                    if (throwOnDeadline)
                    {
                        throw new TimeoutException($"The simulation did not finish by its virtual deadline ({deadline}).");
                    }

                    return;
                }

                Time.FireNext(due);
            }
        }
        finally
        {
            Volatile.Write(ref _pumpThread, 0);
            SynchronizationContext.SetSynchronizationContext(previous);
        }
    }

    private void RunReadyItems(Func<bool> done)
    {
        while (!done() && TryDequeue(out var item))
        {
            Steps++;
            item.Callback(item.State);
            _fault?.Throw();
            CheckForLivelock();
        }
    }

    // Work that keeps re-queueing itself without letting time pass (a zero-length delay in a
    // loop, say) would spin forever with the virtual clock standing still: fail instead.
    private void CheckForLivelock()
    {
        var now = Time.GetTimestamp();
        if (now != _stepsClock)
        {
            _stepsClock = now;
            _stepsAtClock = Steps;
        }
        else if (Steps - _stepsAtClock > MaxStepsPerInstant)
        {
            throw new InvalidOperationException(
                $"The simulation livelocked: {MaxStepsPerInstant:N0} steps ran at virtual time {Time.Elapsed} without the clock moving.");
        }
    }

    // Nothing can happen on the loop. Before calling it a stall, give work that wrongly went
    // through the thread pool a moment to arrive, so the run fails naming the real cause.
    private bool AwaitStrayWork()
    {
        _posted.Reset();
        lock (_gate)
        {
            if (_ready.Count > 0)
            {
                return true;
            }
        }

        return _posted.Wait(millisecondsTimeout: 200);
    }

    private bool TryDequeue(out (SendOrPostCallback Callback, object? State) item)
    {
        lock (_gate)
        {
            return _ready.TryDequeue(out item);
        }
    }

    private void Enqueue(SendOrPostCallback callback, object? state)
    {
        var pumping = Volatile.Read(ref _pumpThread);
        if (pumping != 0 && pumping != Environment.CurrentManagedThreadId)
        {
            Interlocked.Increment(ref _foreignPosts);
        }

        lock (_gate)
        {
            _ready.Enqueue((callback, state));
        }

        _posted.Set();
    }

    private void Fail(Exception e) => _fault ??= ExceptionDispatchInfo.Capture(e);

    private sealed class LoopContext : SynchronizationContext
    {
        private readonly SimulationLoop _loop;

        public LoopContext(SimulationLoop loop)
        {
            _loop = loop;
        }

        public override void Post(SendOrPostCallback d, object? state) => _loop.Enqueue(d, state);

        public override void Send(SendOrPostCallback d, object? state) =>
            _loop.Fail(new InvalidOperationException("Synchronous Send on the simulation loop would block it."));

        public override SynchronizationContext CreateCopy() => this;
    }
}
