using System.Diagnostics;
using HdrHistogram;

namespace ApartiumChat.Cli.Bench;

/// <summary>
/// Latencies in microseconds in an HDR histogram (1 us to 10 min, 3 significant digits),
/// safe to record from every client's read loop at once.
/// </summary>
internal sealed class LatencyRecorder
{
    private const long Highest = 600_000_000; // 10 minutes in microseconds

    private readonly HistogramBase _histogram = HistogramFactory.With64BitBucketSize()
        .WithValuesFrom(1).WithValuesUpTo(Highest).WithPrecisionOf(3)
        .WithThreadSafeWrites().Create();

    private static readonly double MicrosecondsPerTick = 1_000_000.0 / Stopwatch.Frequency;

    /// <summary>Records the time from a <see cref="Stopwatch.GetTimestamp"/> value to now.</summary>
    public void RecordSince(long startedAt, long now) =>
        _histogram.RecordValue(Math.Clamp((long)((now - startedAt) * MicrosecondsPerTick), 1, Highest));

    public void Reset() => _histogram.Reset();

    public LatencySummary Summarize()
    {
        if (_histogram.TotalCount == 0)
        {
            return LatencySummary.Empty;
        }

        double Ms(double percentile) => _histogram.GetValueAtPercentile(percentile) / 1000.0;
        var curve = CurvePercentiles.Select(p => new PercentilePoint(p, Ms(p))).ToList();
        return new LatencySummary(_histogram.TotalCount, Ms(50), Ms(90), Ms(99), Ms(99.9), _histogram.GetMaxValue() / 1000.0, curve);
    }

    // Enough points to draw the percentile curve on a "nines" axis.
    private static readonly double[] CurvePercentiles = [0, 10, 25, 50, 75, 90, 95, 99, 99.5, 99.9, 99.95, 99.99, 100];
}

/// <summary>Latency figures in milliseconds.</summary>
internal sealed record LatencySummary(long Count, double P50Ms, double P90Ms, double P99Ms, double P999Ms, double MaxMs, IReadOnlyList<PercentilePoint> Curve)
{
    public static LatencySummary Empty { get; } = new(0, 0, 0, 0, 0, 0, []);
}

internal sealed record PercentilePoint(double Percentile, double Ms);
