namespace ApartiumChat.Scenarios.Observations;

/// <summary>The client library reported the message acknowledged by a server (with the server's msgid, when known).</summary>
public sealed record MessageAcknowledged(double AtMs, string Sender, long Sequence, string? MsgId = null) : TrialEvent(AtMs);
