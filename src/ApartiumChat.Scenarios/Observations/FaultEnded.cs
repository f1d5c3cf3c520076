namespace ApartiumChat.Scenarios.Observations;

/// <summary>
/// Fault <see cref="FaultIndex"/> stopped acting: a restart or unhang, a heal, its
/// <c>forMs</c>, or the end of the timeline (see <c>FaultTimeline</c>). For a link fault,
/// <see cref="Clients"/> lists whose links it stopped acting on (empty: all of them).
/// </summary>
public sealed record FaultEnded(double AtMs, int FaultIndex, IReadOnlyList<string> Clients) : TrialEvent(AtMs);
