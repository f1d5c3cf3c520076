namespace ApartiumChat.Faults.Chains;

/// <summary>The way out of one stage: into the next stage, or onto the chain's ready queue.</summary>
internal sealed class StageSink
{
    private readonly ToxicChain _chain;
    private readonly int _index;

    public StageSink(ToxicChain chain, int index)
    {
        _chain = chain;
        _index = index;
    }

    /// <summary>Passes a segment on; <paramref name="at"/> is when it leaves this stage.</summary>
    public void Emit(Segment segment, TimeSpan at) => _chain.EmitFrom(_index, segment, at);

    /// <summary>Drops bytes for good (blackhole, truncation); they no longer count as buffered.</summary>
    public void Discard(Segment segment)
    {
        if (segment.IsData)
        {
            _chain.Discard(segment.Length);
        }
    }
}
