namespace ApartiumChat.Reports.Results;

/// <summary>Message delivery latency over the time of one trial, with its fault windows.</summary>
public sealed record DeliveryLatencySeries(
    int TrialIndex,
    IReadOnlyList<LatencySample> Samples,
    IReadOnlyList<FaultWindow> FaultWindows,
    int TotalDeliveries);
