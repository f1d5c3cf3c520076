using ApartiumChat.Scenarios.Model;

namespace ApartiumChat.Scenarios.Trials;

/// <summary>
/// Whether a link fault applies to a client's link: a draw per (trial seed, fault, client)
/// compared with the fault's toxicity. Each draw is a pure function of those three, not a
/// step of a shared generator, so the decisions repeat exactly on replay in tcp mode too,
/// whatever order threads ask in.
/// </summary>
public static class ToxicityDecisions
{
    private const ulong ToxicitySalt = 0x746F786963697479; // "toxicity"

    /// <summary>The draw in [0, 1) for one fault (by its index in the file) and client (by index).</summary>
    public static double Draw(long trialSeed, int faultIndex, int clientIndex)
    {
        var h = SplitMix64.Mix(unchecked((ulong)trialSeed) ^ ToxicitySalt);
        h = SplitMix64.Mix(unchecked(h + ((ulong)faultIndex * SplitMix64.Gamma)));
        h = SplitMix64.Mix(unchecked(h + ((ulong)clientIndex * SplitMix64.Gamma)));
        return SplitMix64.Unit(h);
    }

    /// <summary>Whether the fault applies to that client's link (toxicity 1: always; 0: never).</summary>
    public static bool Applies(long trialSeed, Fault fault, int clientIndex)
    {
        ArgumentNullException.ThrowIfNull(fault);
        return Draw(trialSeed, fault.Index, clientIndex) < fault.Toxicity;
    }

    /// <summary>
    /// The clients a link fault acts on in this trial: those it names (every client when it
    /// names none) whose draw falls under its toxicity. Server faults and heals: every named client.
    /// </summary>
    public static IReadOnlyList<string> Targets(long trialSeed, Fault fault, IReadOnlyList<string> allClients)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentNullException.ThrowIfNull(allClients);
        var named = fault.TargetClients(allClients);
        if (fault.Kind == FaultKind.Server || fault.Type == FaultType.Heal)
        {
            return named;
        }

        return named
            .Where(c => ScenarioIds.TryIndex(c, 'c', int.MaxValue, out var index) && Applies(trialSeed, fault, index))
            .ToArray();
    }
}
