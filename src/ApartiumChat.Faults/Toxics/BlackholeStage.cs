using ApartiumChat.Faults.Chains;

namespace ApartiumChat.Faults.Toxics;

/// <summary>Per-connection state of a <see cref="BlackholeToxic"/>.</summary>
internal sealed class BlackholeStage : ToxicStage
{
    private readonly HeldQueue _held = new();

    public BlackholeStage(StageContext context)
        : base(context)
    {
    }

    public override void Accept(Segment segment, TimeSpan at, StageSink sink)
    {
        if (segment.IsData)
        {
            sink.Discard(segment);
            return;
        }

        _held.Enqueue(segment, at, TimeSpan.MaxValue);
    }

    public override void Drain(TimeSpan now, StageSink sink) => _held.ReleaseAll(now, sink);
}
