namespace ApartiumChat.Scenarios.Observations;

/// <summary>
/// The client library gave up on a send (outbox full, send timeout). <see cref="Sequence"/> is
/// the ledger sequence when the message had one.
/// </summary>
public sealed record SendFailed(double AtMs, string Sender, long? Sequence, SendFailure Reason) : TrialEvent(AtMs);
