using ApartiumChat.Faults.Chains;

namespace ApartiumChat.Faults.Toxics;

/// <summary>Per-connection state of a <see cref="LatencyToxic"/>.</summary>
internal sealed class LatencyStage : ToxicStage
{
    private readonly HeldQueue _held = new();
    private LatencyToxic _toxic;
    private TimeSpan _lastDue = TimeSpan.MinValue;

    public LatencyStage(StageContext context, LatencyToxic toxic)
        : base(context)
    {
        _toxic = toxic;
    }

    public override TimeSpan NextDue => _held.NextDue;

    public override void Accept(Segment segment, TimeSpan at, StageSink sink)
    {
        // The draw is kept normalized (-1..1), so a live change of the jitter rescales it.
        var draw = segment.IsData && _toxic.JitterMs > 0 ? (Context.Random.NextDouble() * 2) - 1 : 0;
        var due = Due(at, draw);
        if (due < _lastDue)
        {
            due = _lastDue; // never overtake the chunk before
        }

        _lastDue = due;
        _held.Pass(segment, at, due, sink, draw);
    }

    public override void Advance(TimeSpan now, StageSink sink) => _held.ReleaseDue(now, sink);

    public override void Drain(TimeSpan now, StageSink sink) => _held.ReleaseAll(now, sink);

    public override void Reconfigure(ToxicAttributes attributes, TimeSpan now, StageSink sink)
    {
        _toxic = (LatencyToxic)attributes;
        _held.Retime((held, _) => Due(held.Arrival, held.Draw));
        if (_held.Count > 0)
        {
            _lastDue = _held.LastDue;
        }
        else if (_lastDue > now)
        {
            _lastDue = now;
        }
    }

    private TimeSpan Due(TimeSpan arrival, double draw)
    {
        var delayMs = _toxic.LatencyMs + (draw * _toxic.JitterMs);
        return delayMs <= 0 ? arrival : arrival + TimeSpan.FromMilliseconds(delayMs);
    }
}
