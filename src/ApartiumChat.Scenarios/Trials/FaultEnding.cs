namespace ApartiumChat.Scenarios.Trials;

/// <summary>
/// A fault that stops acting at a step. For a link fault, <see cref="Clients"/> lists the
/// clients whose links it stops acting on (of those it named; the runner keeps only those
/// toxicity picked); for a server fault it is empty.
/// </summary>
public sealed record FaultEnding(int FaultIndex, IReadOnlyList<string> Clients);
