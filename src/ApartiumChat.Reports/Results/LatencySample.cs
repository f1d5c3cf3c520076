namespace ApartiumChat.Reports.Results;

/// <summary>
/// One message delivery: when the message was sent (ms since the workload start), how long it
/// took to reach the receiving application, and whether it came by history replay.
/// </summary>
public sealed record LatencySample(double SentAtMs, double LatencyMs, bool ViaHistory);
