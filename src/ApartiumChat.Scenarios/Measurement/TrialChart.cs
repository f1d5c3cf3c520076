using ApartiumChat.Reports.Results;

namespace ApartiumChat.Scenarios.Measurement;

/// <summary>
/// What the charts show of one trial: client lanes, fault windows and delivery latencies.
/// Kept only for the trial the report draws (see <c>RunCollector</c>).
/// </summary>
public sealed record TrialChart(
    IReadOnlyList<string> Servers,
    IReadOnlyList<ClientLane> Lanes,
    int TotalClients,
    IReadOnlyList<FaultWindow> FaultWindows,
    IReadOnlyList<LatencySample> Latencies,
    int TotalDeliveries,
    double EndMs)
{
    public TrialTimeline ToTimeline(int trialIndex, long seed) =>
        new(trialIndex, seed, EndMs, Servers, Lanes, FaultWindows, TotalClients);

    public DeliveryLatencySeries ToLatency(int trialIndex) =>
        new(trialIndex, Latencies, FaultWindows, TotalDeliveries);
}
