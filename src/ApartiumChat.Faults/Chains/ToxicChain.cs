using System.IO.Pipelines;
using ApartiumChat.Faults.Toxics;
using ApartiumChat.Transport;

namespace ApartiumChat.Faults.Chains;

/// <summary>
/// One direction of one proxied connection: reads the source, runs the bytes through the
/// toxics applied to this connection, writes them to the destination.
/// <code>
///   source.Input --read--> [stages...] --> ready --write/flush--> destination.Output
///            \_______________ no toxic: written at once ______________/
/// </code>
/// With no toxic (and nothing still queued) each read is written straight through: no copy
/// beyond the one between the two pipes, no timer, no clock read. With toxics, each read is
/// copied into a segment, the stages decide when (and whether) it goes out, and one timer
/// per chain wakes them. One pump task does all reading and writing, so the destination
/// never sees two writers; timers and control calls only move segments and wake it.
/// Bytes are never reordered: every stage is first-in first-out.
/// </summary>
internal sealed partial class ToxicChain
{
    private readonly Lock _gate = new();
    private readonly PipeReader _input;
    private readonly PipeWriter _output;
    private readonly IConnection _destination;
    private readonly ILinkControl _link;
    private readonly TimeProvider _time;
    private readonly long _origin;
    private readonly long _maxBufferedBytes;
    private readonly Queue<Segment> _ready = new();
    private readonly SemaphoreSlim _signal = new(0);
    private ToxicStage[] _stages = [];
    private StageSink[] _sinks = [];
    private readonly StageSink _entry;
    private long _bufferedBytes;
    private long _forwardedBytes;
    private ITimer? _timer;
    private TimeSpan _armedFor = TimeSpan.MaxValue;
    private PumpWait _waiting;
    private Termination _termination;
    private bool _sourceDone;
    private bool _finished;

    public ToxicChain(
        ToxicStream stream,
        IConnection source,
        IConnection destination,
        ILinkControl link,
        TimeProvider time,
        long origin,
        long maxBufferedBytes)
    {
        Stream = stream;
        _input = source.Transport.Input;
        _output = destination.Transport.Output;
        _destination = destination;
        _link = link;
        _time = time;
        _origin = origin;
        _maxBufferedBytes = maxBufferedBytes;
        _entry = new StageSink(this, -1);
    }

    private enum PumpWait
    {
        None,
        Read,
        Signal,
    }

    private enum Termination
    {
        None,
        Graceful,
        Abort,
    }

    public ToxicStream Stream { get; }

    /// <summary>Bytes written to the destination so far.</summary>
    public long ForwardedBytes => Interlocked.Read(ref _forwardedBytes);

    /// <summary>Names of the toxics acting on this direction, in chain order.</summary>
    public IReadOnlyList<string> ToxicNames
    {
        get
        {
            lock (_gate)
            {
                return [.. _stages.Select(s => s.ToxicName)];
            }
        }
    }

    // Add, Remove and Reconfigure do not wake the pump: callers may hold the proxy's lock, and a
    // wake can run continuations inline. They call WakeIfReady once they have let go of it.

    /// <summary>Adds a toxic's stage in its place (stages run in toxic order) and starts it.</summary>
    public void Add(ToxicStage stage)
    {
        lock (_gate)
        {
            if (_finished)
            {
                return;
            }

            var index = 0;
            while (index < _stages.Length && _stages[index].Order < stage.Order)
            {
                index++;
            }

            SetStages([.. _stages[..index], stage, .. _stages[index..]]);
            var now = Now();
            stage.Start(now);
            AdvanceLocked(now);
        }
    }

    /// <summary>Removes a toxic's stage, handing on at once what it held.</summary>
    public bool Remove(string toxicName)
    {
        lock (_gate)
        {
            var index = Array.FindIndex(_stages, s => s.ToxicName == toxicName);
            if (index < 0)
            {
                return false;
            }

            var now = Now();
            _stages[index].Drain(now, _sinks[index]);
            SetStages([.. _stages[..index], .. _stages[(index + 1)..]]);
            AdvanceLocked(now);
        }

        return true;
    }

    /// <summary>New settings for a toxic acting on this direction; they apply at once, held bytes included.</summary>
    public void Reconfigure(string toxicName, ToxicAttributes attributes)
    {
        lock (_gate)
        {
            var index = Array.FindIndex(_stages, s => s.ToxicName == toxicName);
            if (index < 0)
            {
                return;
            }

            var now = Now();
            _stages[index].Reconfigure(attributes, now, _sinks[index]);
            AdvanceLocked(now);
        }
    }

    /// <summary>Stops the pump: gracefully (drop what is buffered, FIN) or not at all (the link resets).</summary>
    public void Terminate(bool graceful)
    {
        lock (_gate)
        {
            if (_finished || _termination == Termination.Abort)
            {
                return;
            }

            _termination = graceful ? Termination.Graceful : Termination.Abort;
            _waiting = PumpWait.None;
        }

        // Wake the pump wherever it waits: in a read, a flush, or for a signal.
        Try(_input.CancelPendingRead);
        Try(_output.CancelPendingFlush);
        _signal.Release();
    }

    /// <summary>Called from <see cref="StageSink.Emit"/>: into the next stage, or ready to write.</summary>
    internal void EmitFrom(int index, Segment segment, TimeSpan at)
    {
        var next = index + 1;
        if (next < _stages.Length)
        {
            _stages[next].Accept(segment, at, _sinks[next]);
        }
        else
        {
            _ready.Enqueue(segment);
        }
    }

    internal void Discard(int bytes) => _bufferedBytes -= bytes;

    private TimeSpan Now() => _time.GetElapsedTime(_origin);

    private void SetStages(ToxicStage[] stages)
    {
        _stages = stages;
        _sinks = new StageSink[stages.Length];
        for (var i = 0; i < stages.Length; i++)
        {
            _sinks[i] = new StageSink(this, i);
        }
    }

    /// <summary>Releases whatever is due in every stage, then arms the timer for the next due segment.</summary>
    private void AdvanceLocked(TimeSpan now)
    {
        for (var i = 0; i < _stages.Length; i++)
        {
            _stages[i].Advance(now, _sinks[i]);
        }

        var next = TimeSpan.MaxValue;
        foreach (var stage in _stages)
        {
            var due = stage.NextDue;
            if (due < next)
            {
                next = due;
            }
        }

        Arm(next, now);
    }

    private void Arm(TimeSpan due, TimeSpan now)
    {
        if (due == _armedFor)
        {
            return;
        }

        _armedFor = due;
        if (due == TimeSpan.MaxValue)
        {
            _timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }

        _timer ??= _time.CreateTimer(static state => ((ToxicChain)state!).OnTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);

        // Timers reach about 49 days; a longer wait (a very slow bandwidth) re-arms on the way.
        var delay = due - now;
        delay = delay < TimeSpan.Zero ? TimeSpan.Zero : delay > MaxTimerDelay ? MaxTimerDelay : delay;
        _timer.Change(delay, Timeout.InfiniteTimeSpan);
    }

    private static readonly TimeSpan MaxTimerDelay = TimeSpan.FromDays(1);

    private void OnTimer()
    {
        lock (_gate)
        {
            if (_finished)
            {
                return;
            }

            _armedFor = TimeSpan.MaxValue;
            AdvanceLocked(Now());
        }

        WakeIfReady();
    }

    /// <summary>Wakes the pump if something is ready for it (after Add, Remove or Reconfigure).</summary>
    public void WakeIfReady()
    {
        PumpWait waiting;
        lock (_gate)
        {
            var wake = _waiting switch
            {
                PumpWait.Read => _ready.Count > 0,
                PumpWait.Signal => _ready.Count > 0 || (!_sourceDone && _bufferedBytes < _maxBufferedBytes),
                _ => false,
            };
            if (!wake)
            {
                return;
            }

            waiting = _waiting;
            _waiting = PumpWait.None;
        }

        if (waiting == PumpWait.Read)
        {
            Try(_input.CancelPendingRead);
        }
        else
        {
            _signal.Release();
        }
    }

    private static void Try(Action action)
    {
        try
        {
            action();
        }
        catch (InvalidOperationException)
        {
            // The pipe is already completed: nobody waits on it.
        }
    }
}
