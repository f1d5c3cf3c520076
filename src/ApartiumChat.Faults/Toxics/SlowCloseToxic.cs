using ApartiumChat.Faults.Chains;

namespace ApartiumChat.Faults.Toxics;

/// <summary>Delays the close (FIN) in its direction by <see cref="DelayMs"/> milliseconds.</summary>
public sealed record SlowCloseToxic : ToxicAttributes
{
    public const string TypeName = "slow_close";

    public override string Type => TypeName;

    /// <summary>Milliseconds the close is held. Default 0.</summary>
    public long DelayMs { get; init; }

    public override IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        RequireRange(problems, "delay", DelayMs, 0, MaxMilliseconds);
        return problems;
    }

    internal override ToxicStage CreateStage(StageContext context) => new SlowCloseStage(context, this);
}
