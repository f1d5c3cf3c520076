using ApartiumChat.Faults.Chains;

namespace ApartiumChat.Faults.Toxics;

/// <summary>
/// Per-connection state of a <see cref="SlicerToxic"/>.
/// <code>
///   chunk [..........................]  arrives at t
///   slices [....][.....][...][......]   leave at t, t+d, t+2d, t+3d; the next chunk from t+4d
/// </code>
/// </summary>
internal sealed class SlicerStage : ToxicStage
{
    private readonly HeldQueue _held = new();
    private SlicerToxic _toxic;
    private TimeSpan _next = TimeSpan.MinValue;

    public SlicerStage(StageContext context, SlicerToxic toxic)
        : base(context)
    {
        _toxic = toxic;
    }

    public override TimeSpan NextDue => _held.NextDue;

    public override void Accept(Segment segment, TimeSpan at, StageSink sink)
    {
        var start = at > _next ? at : _next;
        if (!segment.IsData)
        {
            _held.Pass(segment, at, start, sink);
            return;
        }

        var delay = TimeSpan.FromTicks(_toxic.DelayUs * 10);
        var data = segment.Data;
        var due = start;
        while (!data.IsEmpty)
        {
            var size = Math.Clamp(NextSize(), 1, data.Length);
            _held.Pass(Segment.Bytes(data[..size]), at, due, sink);
            data = data[size..];
            due += delay;
        }

        _next = due;
    }

    public override void Advance(TimeSpan now, StageSink sink) => _held.ReleaseDue(now, sink);

    public override void Drain(TimeSpan now, StageSink sink) => _held.ReleaseAll(now, sink);

    public override void Reconfigure(ToxicAttributes attributes, TimeSpan now, StageSink sink) =>
        _toxic = (SlicerToxic)attributes;

    private int NextSize()
    {
        var variation = _toxic.SizeVariation;
        if (variation == 0)
        {
            return _toxic.AverageSize;
        }

        var low = (long)_toxic.AverageSize - variation;
        var high = (long)_toxic.AverageSize + variation;
        return (int)Math.Clamp(Context.Random.NextInt64(low, high + 1), 1, int.MaxValue);
    }
}
