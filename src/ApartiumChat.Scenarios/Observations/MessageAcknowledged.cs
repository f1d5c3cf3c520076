namespace ApartiumChat.Scenarios.Observations;

/// <summary>The client library reported the message acknowledged by a server.</summary>
public sealed record MessageAcknowledged(double AtMs, string Sender, long Sequence) : TrialEvent(AtMs);
