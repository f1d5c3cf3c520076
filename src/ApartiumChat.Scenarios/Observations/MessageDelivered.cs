namespace ApartiumChat.Scenarios.Observations;

/// <summary>
/// The receiving application got message (<see cref="Sender"/>, <see cref="Sequence"/>).
/// Deliveries to one receiver must be journaled in the order the application got them: the
/// ledger reads reordering from that order. <see cref="MsgId"/> is the server's message id
/// (the IRCv3 <c>msgid</c> tag), kept for diagnosing duplicates; the ledger does not need it.
/// </summary>
public sealed record MessageDelivered(double AtMs, string Receiver, string Sender, long Sequence, DeliveryPath Via, string? MsgId = null) : TrialEvent(AtMs);
