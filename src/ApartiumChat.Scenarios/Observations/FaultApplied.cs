using ApartiumChat.Scenarios.Model;

namespace ApartiumChat.Scenarios.Observations;

/// <summary>
/// The runner applied fault <see cref="FaultIndex"/> (its position in the scenario's
/// <c>faults</c>) at t_f = <c>AtMs</c>. For link faults <see cref="Clients"/> lists the
/// clients whose link it acts on in this trial (after toxicity); for server faults it is empty
/// (the calculators find which clients were on the server).
/// </summary>
public sealed record FaultApplied(double AtMs, int FaultIndex, FaultType Type, string Server, IReadOnlyList<string> Clients)
    : TrialEvent(AtMs);
