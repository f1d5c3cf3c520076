using ApartiumChat.Faults.Chains;

namespace ApartiumChat.Faults.Toxics;

/// <summary>Per-connection state of a <see cref="LimitDataToxic"/>.</summary>
internal sealed class LimitDataStage : ToxicStage
{
    private LimitDataToxic _toxic;
    private long _transmitted;
    private bool _closed;

    public LimitDataStage(StageContext context, LimitDataToxic toxic)
        : base(context)
    {
        _toxic = toxic;
    }

    public override void Accept(Segment segment, TimeSpan at, StageSink sink)
    {
        if (_closed)
        {
            sink.Discard(segment);
            return;
        }

        if (!segment.IsData)
        {
            sink.Emit(segment, at);
            return;
        }

        var remaining = _toxic.Bytes - _transmitted;
        if (remaining >= segment.Length)
        {
            _transmitted += segment.Length;
            sink.Emit(segment, at);
        }
        else
        {
            var kept = (int)Math.Max(0, remaining);
            if (kept > 0)
            {
                sink.Emit(Segment.Bytes(segment.Data[..kept]), at);
                _transmitted += kept;
            }

            sink.Discard(Segment.Bytes(segment.Data[kept..]));
        }

        if (_transmitted >= _toxic.Bytes)
        {
            Close(at, sink);
        }
    }

    public override void Reconfigure(ToxicAttributes attributes, TimeSpan now, StageSink sink)
    {
        _toxic = (LimitDataToxic)attributes;
        if (!_closed && _transmitted > 0 && _transmitted >= _toxic.Bytes)
        {
            Close(now, sink);
        }
    }

    private void Close(TimeSpan at, StageSink sink)
    {
        _closed = true;
        Context.Recorder.Fired(ToxicName, "limit_data closed the connection");
        sink.Emit(Segment.Close, at);
    }
}
