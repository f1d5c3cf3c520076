namespace ApartiumChat.Scenarios.Observations;

/// <summary>
/// A client is registered on <see cref="Server"/> with its nick, session and channels (the
/// point from which it can chat). <see cref="Resumed"/>: the session was resumed rather than
/// started fresh. <see cref="IsFailback"/>: the client moved here by choice, returning to a
/// higher-priority server, not because a connection died.
/// </summary>
public sealed record ClientRegistered(double AtMs, string Client, string Server, bool Resumed, bool IsFailback) : TrialEvent(AtMs);
