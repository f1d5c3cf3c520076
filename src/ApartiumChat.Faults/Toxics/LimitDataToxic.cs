using ApartiumChat.Faults.Chains;

namespace ApartiumChat.Faults.Toxics;

/// <summary>
/// Lets <see cref="Bytes"/> bytes through in its direction, then closes the connection. The
/// count survives changes to the toxic, as in Toxiproxy.
/// </summary>
public sealed record LimitDataToxic : ToxicAttributes
{
    public const string TypeName = "limit_data";

    public override string Type => TypeName;

    /// <summary>Bytes let through before the close. Default 0 (closes on the first data).</summary>
    public long Bytes { get; init; }

    public override IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        RequireRange(problems, "bytes", Bytes, 0, long.MaxValue);
        return problems;
    }

    internal override ToxicStage CreateStage(StageContext context) => new LimitDataStage(context, this);
}
