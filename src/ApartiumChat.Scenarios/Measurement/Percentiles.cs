using ApartiumChat.Reports.Results;

namespace ApartiumChat.Scenarios.Measurement;

/// <summary>
/// Percentiles by the nearest-rank method: of n samples sorted ascending, the p-th percentile
/// is the sample of rank ceil(p/100 x n) (1-based), always one of the samples. Computed in
/// integers, so p99 of 100 samples is the 99th, not the 100th through a rounding error.
/// </summary>
public static class Percentiles
{
    /// <summary>The nearest-rank percentile of samples already sorted ascending.</summary>
    public static double NearestRank(IReadOnlyList<double> sortedAscending, int percent)
    {
        ArgumentNullException.ThrowIfNull(sortedAscending);
        ArgumentOutOfRangeException.ThrowIfLessThan(percent, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        if (sortedAscending.Count == 0)
        {
            throw new ArgumentException("No sample: a percentile needs at least one.", nameof(sortedAscending));
        }

        var rank = (int)((((long)percent * sortedAscending.Count) + 99) / 100);
        return sortedAscending[rank - 1];
    }

    /// <summary>n, p50, p90, p99 and max of the samples (null percentiles when there are none).</summary>
    public static TimingSummary Summarize(IEnumerable<double> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var sorted = samples.Order().ToArray();
        if (sorted.Length == 0)
        {
            return TimingSummary.Empty;
        }

        return new TimingSummary(
            sorted.Length,
            NearestRank(sorted, 50),
            NearestRank(sorted, 90),
            NearestRank(sorted, 99),
            sorted[^1]);
    }
}
