using ApartiumChat.Faults.Chains;

namespace ApartiumChat.Faults.Toxics;

/// <summary>
/// Per-connection state of a <see cref="BandwidthToxic"/>: each piece leaves once the pieces
/// before it have had their time on the wire.
/// <code>
///   due(piece) = max(arrival, due(previous)) + bytes / rate
/// </code>
/// </summary>
internal sealed class BandwidthStage : ToxicStage
{
    private readonly HeldQueue _held = new();
    private BandwidthToxic _toxic;
    private TimeSpan _lastDue = TimeSpan.MinValue;

    public BandwidthStage(StageContext context, BandwidthToxic toxic)
        : base(context)
    {
        _toxic = toxic;
    }

    public override TimeSpan NextDue => _held.NextDue;

    public override void Accept(Segment segment, TimeSpan at, StageSink sink)
    {
        if (!segment.IsData)
        {
            var due = Max(at, _lastDue);
            _lastDue = due;
            _held.Pass(segment, at, due, sink);
            return;
        }

        var data = segment.Data;
        var piece = PieceSize(_toxic.RateKBps);
        while (!data.IsEmpty)
        {
            var part = data[..Math.Min(piece, data.Length)];
            data = data[part.Length..];
            var due = After(Max(at, _lastDue), part.Length);
            _lastDue = due;
            _held.Pass(Segment.Bytes(part), at, due, sink);
        }
    }

    public override void Advance(TimeSpan now, StageSink sink) => _held.ReleaseDue(now, sink);

    public override void Drain(TimeSpan now, StageSink sink) => _held.ReleaseAll(now, sink);

    public override void Reconfigure(ToxicAttributes attributes, TimeSpan now, StageSink sink)
    {
        _toxic = (BandwidthToxic)attributes;

        // What waits is paced again from now at the new rate.
        _held.Retime((held, previous) => held.Segment.IsData
            ? After(Max(now, previous), held.Segment.Length)
            : Max(now, previous));
        _lastDue = _held.Count > 0 ? _held.LastDue : Min(_lastDue, now);
    }

    private TimeSpan After(TimeSpan start, int bytes)
    {
        var rate = _toxic.RateKBps;
        if (rate <= 0 || start == TimeSpan.MaxValue)
        {
            return TimeSpan.MaxValue; // stalled until the rate changes
        }

        // rate KB/s is rate bytes per millisecond, 10,000 ticks.
        var ticks = ((bytes * 10_000L) + rate - 1) / rate;
        return start + TimeSpan.FromTicks(ticks);
    }

    private static int PieceSize(long rate) =>
        rate <= 0 ? int.MaxValue : rate >= int.MaxValue / 100 ? int.MaxValue : (int)(rate * 100);

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
