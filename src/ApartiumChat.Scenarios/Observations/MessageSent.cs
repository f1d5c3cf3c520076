namespace ApartiumChat.Scenarios.Observations;

/// <summary>
/// The workload handed message (<see cref="Sender"/>, <see cref="Sequence"/>) to the client
/// library, which accepted it. Sequences of one sender increase in send order.
/// </summary>
public sealed record MessageSent(double AtMs, string Sender, long Sequence) : TrialEvent(AtMs);
