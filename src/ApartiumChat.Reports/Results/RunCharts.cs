namespace ApartiumChat.Reports.Results;

/// <summary>
/// What the charts draw: failover samples per fault kind (one CDF line each), every detection
/// sample, and the timeline and delivery latencies of one trial.
/// </summary>
public sealed record RunCharts(
    IReadOnlyList<SampleSeries> FailoverByFaultKind,
    IReadOnlyList<double> DetectionSamples,
    TrialTimeline? Timeline,
    DeliveryLatencySeries? Latency)
{
    public static RunCharts Empty { get; } = new([], [], null, null);
}
