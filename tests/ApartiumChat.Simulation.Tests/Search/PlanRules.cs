using ApartiumChat.Scenarios.Model;

namespace ApartiumChat.Simulation.Tests.Search;

/// <summary>
/// What the search holds the system to, beyond what makes a scenario valid. One rule so far:
/// a fault that drops data (blackhole, partition) lasts at least a heartbeat timeout plus an
/// interval, long enough that the heartbeat must see it.
/// </summary>
/// <remarks>
/// A blackhole in the fault proxy throws bytes away and then lets the stream carry on, which
/// TCP itself never does (it retransmits, or the connection dies). One shorter than a
/// heartbeat interval can fall between two PINGs: nothing the client sends or receives tells
/// it that a message went missing, and the protocol gives it no way to tell (no sequence
/// numbers downstream), so the message is lost for good, or, sent upstream, waits out the
/// send timeout. The client declares a connection dead when a PING stays unanswered for the
/// timeout, and an answer clears every earlier PING: the first PING swallowed may be sent up
/// to an interval after the cut starts, so only a cut of timeout + interval is sure to be
/// seen. Then the client moves, resends and replays history, and nothing may be lost. Heals
/// count: a heal cuts short every link fault on the links it names.
/// </remarks>
public static class PlanRules
{
    public static bool Admits(ScenarioPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var heals = plan.Episodes.OfType<LinkEpisode>().Where(e => e.HealAtMs is not null).ToList();
        foreach (var drop in plan.Episodes.OfType<LinkEpisode>().Where(e => e.Type is FaultType.Blackhole or FaultType.Partition))
        {
            var end = heals
                .Where(h => h.Server == drop.Server && h.HealAtMs >= drop.StartMs && SharesClients(h, drop))
                .Select(h => h.HealAtMs!.Value)
                .Append(drop.EndMs)
                .Min();
            if (end - drop.StartMs < MinimumDropMs(plan))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The shortest blackhole or partition the heartbeat is sure to see.</summary>
    public static int MinimumDropMs(ScenarioPlan plan) => plan.HeartbeatTimeoutMs + plan.HeartbeatIntervalMs;

    private static bool SharesClients(LinkEpisode a, LinkEpisode b) =>
        a.Clients is null || b.Clients is null || a.Clients.Intersect(b.Clients).Any();
}
