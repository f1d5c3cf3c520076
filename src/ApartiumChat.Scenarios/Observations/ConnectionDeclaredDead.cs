namespace ApartiumChat.Scenarios.Observations;

/// <summary>
/// A client declared the connection it was registered over (to <see cref="Server"/>) dead and
/// will move: one failover. Failed connection attempts are not this event.
/// </summary>
public sealed record ConnectionDeclaredDead(double AtMs, string Client, string Server, DeadReason Reason) : TrialEvent(AtMs);
