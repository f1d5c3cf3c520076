using ApartiumChat.Faults.Chains;

namespace ApartiumChat.Faults.Toxics;

/// <summary>Per-connection state of a <see cref="TimeoutToxic"/>.</summary>
internal sealed class TimeoutStage : ToxicStage
{
    private TimeoutToxic _toxic;
    private TimeSpan _closeAt = TimeSpan.MaxValue;
    private bool _closed;

    public TimeoutStage(StageContext context, TimeoutToxic toxic)
        : base(context)
    {
        _toxic = toxic;
    }

    public override TimeSpan NextDue => _closed ? TimeSpan.MaxValue : _closeAt;

    public override void Start(TimeSpan now) => Schedule(now);

    public override void Accept(Segment segment, TimeSpan at, StageSink sink)
    {
        if (segment.IsData || _closed)
        {
            sink.Discard(segment);
            return;
        }

        sink.Emit(segment, at); // the sender's own FIN or reset still goes through, as in Toxiproxy
    }

    public override void Advance(TimeSpan now, StageSink sink)
    {
        if (!_closed && now >= _closeAt)
        {
            Close(_closeAt, sink, "timeout closed the connection");
        }
    }

    public override void Drain(TimeSpan now, StageSink sink)
    {
        if (!_closed)
        {
            Close(now, sink, "timeout removed: the connection it held was closed");
        }
    }

    public override void Reconfigure(ToxicAttributes attributes, TimeSpan now, StageSink sink)
    {
        _toxic = (TimeoutToxic)attributes;
        Schedule(now); // a changed toxic starts over, as Toxiproxy restarts it
    }

    private void Schedule(TimeSpan now) =>
        _closeAt = _toxic.TimeoutMs > 0 ? now + TimeSpan.FromMilliseconds(_toxic.TimeoutMs) : TimeSpan.MaxValue;

    private void Close(TimeSpan at, StageSink sink, string what)
    {
        _closed = true;
        Context.Recorder.Fired(ToxicName, what);
        sink.Emit(Segment.Close, at);
    }
}
