using ApartiumChat.Reports.Results;

namespace ApartiumChat.Reports.Charts;

/// <summary>
/// Draws the report's PNG charts with ScottPlot: the CDF of failover times (a line per fault
/// kind), a histogram of detection times, the timeline of one trial (a lane per client, fault
/// windows shaded) and message delivery latency over time (fault windows shaded). Every chart
/// has a title and axis labels with units; a chart without data says so instead of failing.
/// </summary>
public static partial class ChartRenderer
{
    public const string FailoverCdfFile = "failover-cdf.png";
    public const string DetectionHistogramFile = "detection-histogram.png";
    public const string TimelineFile = "timeline.png";
    public const string DeliveryLatencyFile = "delivery-latency.png";

    public static IReadOnlyList<ChartFile> RenderAll(RunCharts charts)
    {
        ArgumentNullException.ThrowIfNull(charts);
        return
        [
            FailoverCdf(charts.FailoverByFaultKind),
            DetectionHistogram(charts.DetectionSamples),
            Timeline(charts.Timeline),
            DeliveryLatency(charts.Latency),
        ];
    }

    private static string Plural(int n, string word) => n == 1 ? $"1 {word}" : $"{n} {word}s";
}
