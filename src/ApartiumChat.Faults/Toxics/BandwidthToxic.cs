using ApartiumChat.Faults.Chains;

namespace ApartiumChat.Faults.Toxics;

/// <summary>
/// Limits a direction to <see cref="RateKBps"/> kilobytes (1000 bytes) per second. A large
/// chunk goes out in pieces of 100 ms worth, as Toxiproxy does. A rate of 0 lets nothing
/// through (the bytes wait) until the toxic is changed or removed.
/// </summary>
public sealed record BandwidthToxic : ToxicAttributes
{
    public const string TypeName = "bandwidth";

    public override string Type => TypeName;

    /// <summary>Rate in KB/s (Toxiproxy's <c>rate</c>). Default 0.</summary>
    public long RateKBps { get; init; }

    public override IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        RequireRange(problems, "rate", RateKBps, 0, long.MaxValue / 10_000);
        return problems;
    }

    internal override ToxicStage CreateStage(StageContext context) => new BandwidthStage(context, this);
}
