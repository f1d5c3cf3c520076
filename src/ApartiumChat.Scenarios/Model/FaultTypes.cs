namespace ApartiumChat.Scenarios.Model;

/// <summary>
/// What each fault type is: its JSON name, its kind, and whether it breaks connections.
/// Breaking faults (SCENARIOS.md) are crash, hang, shutdown, blackhole, partition, reset and
/// refuse; latency, bandwidth and slicer only slow a link down; restart, unhang and heal end
/// other faults.
/// </summary>
public static class FaultTypes
{
    private static readonly FaultType[] All = Enum.GetValues<FaultType>();

    /// <summary>Every type, in the order of SCENARIOS.md's table.</summary>
    public static IReadOnlyList<FaultType> Values => All;

    /// <summary>The name as scenario files spell it: <c>crash</c>, <c>blackhole</c>, ...</summary>
    public static string Name(FaultType type) => type.ToString().ToLowerInvariant();

    public static bool TryParse(string name, out FaultType type)
    {
        foreach (var candidate in All)
        {
            if (Name(candidate) == name)
            {
                type = candidate;
                return true;
            }
        }

        type = default;
        return false;
    }

    public static FaultKind KindOf(FaultType type) => type switch
    {
        FaultType.Crash or FaultType.Restart or FaultType.Hang or FaultType.Unhang or FaultType.Shutdown => FaultKind.Server,
        _ => FaultKind.Link,
    };

    /// <summary>The breaking faults of SCENARIOS.md: a failover while one applies is not false.</summary>
    public static bool IsBreaking(FaultType type) => type is
        FaultType.Crash or FaultType.Hang or FaultType.Shutdown or
        FaultType.Blackhole or FaultType.Partition or FaultType.Reset or FaultType.Refuse;

    /// <summary>
    /// Breaking faults that can break a connection already established, and so "hit" the clients
    /// on it. <c>refuse</c> is breaking but only refuses new connections: a client whose
    /// established connection keeps working has nothing to detect.
    /// </summary>
    public static bool BreaksEstablishedConnections(FaultType type) => IsBreaking(type) && type != FaultType.Refuse;

    /// <summary>Faults that only slow a link down.</summary>
    public static bool IsSlowing(FaultType type) => type is FaultType.Latency or FaultType.Bandwidth or FaultType.Slicer;

    /// <summary>Faults whose only effect is to end other faults.</summary>
    public static bool IsRecovery(FaultType type) => type is FaultType.Restart or FaultType.Unhang or FaultType.Heal;
}
