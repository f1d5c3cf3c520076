using ApartiumChat.Faults.Chains;

namespace ApartiumChat.Faults.Toxics;

/// <summary>
/// Drops every byte in its direction, then closes the connection <see cref="TimeoutMs"/> after
/// the toxic started acting on it; with 0 it never closes it. As in Toxiproxy, removing the
/// toxic also closes the connections it held (their streams have lost bytes); use
/// <see cref="BlackholeToxic"/> for a cut that heals.
/// </summary>
public sealed record TimeoutToxic : ToxicAttributes
{
    public const string TypeName = "timeout";

    public override string Type => TypeName;

    /// <summary>Milliseconds before the connection is closed; 0 = never. Default 0.</summary>
    public long TimeoutMs { get; init; }

    public override IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        RequireRange(problems, "timeout", TimeoutMs, 0, MaxMilliseconds);
        return problems;
    }

    internal override ToxicStage CreateStage(StageContext context) => new TimeoutStage(context, this);
}
