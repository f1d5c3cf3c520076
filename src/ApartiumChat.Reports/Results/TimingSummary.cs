namespace ApartiumChat.Reports.Results;

/// <summary>
/// A timing figure over its samples, in milliseconds: how many there were and their
/// nearest-rank percentiles. The percentiles are null when there is no sample.
/// </summary>
public sealed record TimingSummary(int N, double? P50, double? P90, double? P99, double? Max)
{
    public static TimingSummary Empty { get; } = new(0, null, null, null, null);
}
