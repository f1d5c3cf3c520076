using ApartiumChat.Faults.Chains;

namespace ApartiumChat.Faults.Toxics;

/// <summary>
/// Delays each chunk by <see cref="LatencyMs"/> ± <see cref="JitterMs"/> (uniform) from the
/// moment it arrived. Chunks are pipelined, so throughput is not divided by the latency, and
/// never reordered: a chunk whose jitter would let it overtake waits for the one before.
/// </summary>
public sealed record LatencyToxic : ToxicAttributes
{
    public const string TypeName = "latency";

    public override string Type => TypeName;

    /// <summary>Added delay in milliseconds. Default 0.</summary>
    public long LatencyMs { get; init; }

    /// <summary>Uniform variation around the delay, in milliseconds. Default 0.</summary>
    public long JitterMs { get; init; }

    public override IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        RequireRange(problems, "latency", LatencyMs, 0, MaxMilliseconds);
        RequireRange(problems, "jitter", JitterMs, 0, MaxMilliseconds);
        return problems;
    }

    internal override ToxicStage CreateStage(StageContext context) => new LatencyStage(context, this);
}
