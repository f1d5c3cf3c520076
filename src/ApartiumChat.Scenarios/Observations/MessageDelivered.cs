namespace ApartiumChat.Scenarios.Observations;

/// <summary>
/// The receiving application got message (<see cref="Sender"/>, <see cref="Sequence"/>).
/// Deliveries to one receiver must be journaled in the order the application got them: the
/// ledger reads reordering from that order.
/// </summary>
public sealed record MessageDelivered(double AtMs, string Receiver, string Sender, long Sequence, DeliveryPath Via) : TrialEvent(AtMs);
