namespace ApartiumChat.Reports.Results;

/// <summary>
/// The timeline of one trial: a lane per client (at most a few dozen are kept; see
/// <see cref="TotalClients"/>), the fault windows, and where the trial ended.
/// </summary>
public sealed record TrialTimeline(
    int TrialIndex,
    long Seed,
    double EndMs,
    IReadOnlyList<string> Servers,
    IReadOnlyList<ClientLane> Lanes,
    IReadOnlyList<FaultWindow> FaultWindows,
    int TotalClients);
