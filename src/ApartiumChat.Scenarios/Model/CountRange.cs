namespace ApartiumChat.Scenarios.Model;

/// <summary>Bounds on a count that apply to each trial (<c>failovers</c>, <c>failbacks</c>).</summary>
public sealed record CountRange
{
    public int? Min { get; init; }

    public int? Max { get; init; }
}
