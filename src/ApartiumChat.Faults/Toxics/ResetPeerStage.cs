using ApartiumChat.Faults.Chains;

namespace ApartiumChat.Faults.Toxics;

/// <summary>Per-connection state of a <see cref="ResetPeerToxic"/>.</summary>
internal sealed class ResetPeerStage : ToxicStage
{
    private readonly HeldQueue _held = new();
    private ResetPeerToxic _toxic;
    private TimeSpan _triggeredAt = TimeSpan.MaxValue;
    private bool _fired;

    public ResetPeerStage(StageContext context, ResetPeerToxic toxic)
        : base(context)
    {
        _toxic = toxic;
    }

    public override TimeSpan NextDue => _fired || _triggeredAt == TimeSpan.MaxValue ? TimeSpan.MaxValue : ResetAt;

    private TimeSpan ResetAt => _triggeredAt + TimeSpan.FromMilliseconds(_toxic.TimeoutMs);

    public override void Accept(Segment segment, TimeSpan at, StageSink sink)
    {
        if (_fired || segment.Kind is SegmentKind.Reset or SegmentKind.Abort)
        {
            if (segment.IsData)
            {
                sink.Discard(segment);
            }
            else
            {
                sink.Emit(segment, at);
            }

            return;
        }

        if (_triggeredAt == TimeSpan.MaxValue)
        {
            _triggeredAt = at;
        }

        if (segment.IsData)
        {
            sink.Discard(segment);
        }
        else
        {
            _held.Enqueue(segment, at, TimeSpan.MaxValue); // a FIN waits: it goes on if the toxic is removed first
        }

        Advance(at, sink);
    }

    public override void Advance(TimeSpan now, StageSink sink)
    {
        if (!_fired && _triggeredAt != TimeSpan.MaxValue && now >= ResetAt)
        {
            _fired = true;
            Context.Recorder.Fired(ToxicName, "reset_peer reset the connection");
            sink.Emit(Segment.Abort, ResetAt);
        }
    }

    /// <summary>Removed before it fired: the pending reset is called off.</summary>
    public override void Drain(TimeSpan now, StageSink sink) => _held.ReleaseAll(now, sink);

    public override void Reconfigure(ToxicAttributes attributes, TimeSpan now, StageSink sink)
    {
        _toxic = (ResetPeerToxic)attributes;
        Advance(now, sink);
    }
}
