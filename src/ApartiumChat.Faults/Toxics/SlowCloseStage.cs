using ApartiumChat.Faults.Chains;

namespace ApartiumChat.Faults.Toxics;

/// <summary>Per-connection state of a <see cref="SlowCloseToxic"/>.</summary>
internal sealed class SlowCloseStage : ToxicStage
{
    private readonly HeldQueue _held = new();
    private SlowCloseToxic _toxic;

    public SlowCloseStage(StageContext context, SlowCloseToxic toxic)
        : base(context)
    {
        _toxic = toxic;
    }

    public override TimeSpan NextDue => _held.NextDue;

    public override void Accept(Segment segment, TimeSpan at, StageSink sink)
    {
        var due = IsClose(segment) ? at + Delay : at;
        _held.Pass(segment, at, due, sink);
    }

    public override void Advance(TimeSpan now, StageSink sink) => _held.ReleaseDue(now, sink);

    public override void Drain(TimeSpan now, StageSink sink) => _held.ReleaseAll(now, sink);

    public override void Reconfigure(ToxicAttributes attributes, TimeSpan now, StageSink sink)
    {
        _toxic = (SlowCloseToxic)attributes;
        _held.Retime((held, _) => IsClose(held.Segment) ? held.Arrival + Delay : held.Arrival);
    }

    private TimeSpan Delay => TimeSpan.FromMilliseconds(_toxic.DelayMs);

    private static bool IsClose(Segment segment) => segment.Kind is SegmentKind.Fin or SegmentKind.Close;
}
