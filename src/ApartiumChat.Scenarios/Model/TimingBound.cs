namespace ApartiumChat.Scenarios.Model;

/// <summary>Bounds on a timing figure in ms, nearest-rank percentiles over every sample of every trial.</summary>
public sealed record TimingBound
{
    public double? P50 { get; init; }

    public double? P90 { get; init; }

    public double? P99 { get; init; }

    public double? Max { get; init; }
}
