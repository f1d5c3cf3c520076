using ApartiumChat.Scenarios.Model;
using FsCheck;
using FsCheck.Fluent;

namespace ApartiumChat.Simulation.Tests.Search;

/// <summary>
/// FsCheck generators and shrinkers of <see cref="ScenarioPlan"/>s, valid by construction:
/// 1 to 4 servers, 1 to 10 clients, random client settings and workload, and a random
/// timeline of fault episodes over servers and links, each healed before the end.
/// </summary>
public static class ScenarioPlans
{
    private static readonly FaultType[] LinkFaults =
    [
        FaultType.Blackhole, FaultType.Partition, FaultType.Reset, FaultType.Latency, FaultType.Bandwidth, FaultType.Refuse, FaultType.Slicer,
    ];

    /// <summary>Any mix of server and link faults; checked for the ledger and the end server.</summary>
    public static Arbitrary<ScenarioPlan> Faulty() => Arb.From(Plans(FaultyEpisodes), Shrink);

    /// <summary>Only latency (with jitter) that keeps every round trip inside the heartbeat timeout; checked for no failover at all.</summary>
    public static Arbitrary<ScenarioPlan> WithinBudget() =>
        Arb.From(Plans(BudgetEpisodes).Select(p => p with { Expect = Expectation.NoFailover }), Shrink);

    public static Gen<ScenarioPlan> Plans(Func<Cluster, Gen<IReadOnlyList<Episode>>> episodes) =>
        from cluster in Clusters()
        from workload in Workloads(cluster.Clients)
        from timeline in episodes(cluster)
        select Admitted(new ScenarioPlan
        {
            Seed = cluster.Seed,
            Servers = cluster.Servers,
            Clients = cluster.Clients,
            ServerOrder = cluster.Order,
            HeartbeatIntervalMs = cluster.IntervalMs,
            HeartbeatTimeoutMs = cluster.TimeoutMs,
            ReconnectBaseMs = cluster.ReconnectBaseMs,
            ReconnectMaxMs = cluster.ReconnectMaxMs,
            Failback = cluster.Failback,
            FailbackHoldDownMs = cluster.HoldDownMs,
            RatePerClient = workload.Rate,
            Senders = workload.Senders,
            MessageBytes = workload.Bytes,
            DurationMs = cluster.DurationMs,
            Episodes = timeline,
        });

    /// <summary>The plan with only the episodes <see cref="PlanRules"/> admits, taken in order.</summary>
    private static ScenarioPlan Admitted(ScenarioPlan plan)
    {
        var kept = plan with { Episodes = [] };
        foreach (var episode in plan.Episodes)
        {
            var next = kept with { Episodes = [.. kept.Episodes, episode] };
            if (PlanRules.Admits(next))
            {
                kept = next;
            }
        }

        return kept;
    }

    /// <summary>Everything but the workload and the faults.</summary>
    public sealed record Cluster(long Seed, int Servers, int Clients, IReadOnlyList<int>? Order, int IntervalMs, int TimeoutMs,
        int ReconnectBaseMs, int ReconnectMaxMs, bool Failback, int HoldDownMs, int DurationMs);

    private static Gen<Cluster> Clusters() =>
        from seed in Gen.Choose(0, int.MaxValue)
        from servers in Gen.Choose(1, 4)
        from clients in Gen.Choose(1, 10)
        from shuffled in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
        from order in Gen.Shuffle(Enumerable.Range(0, servers))
        from interval in Gen.Choose(20, 400)
        from timeoutTenths in Gen.Choose(15, 50)
        from reconnectBase in Gen.Choose(5, 200)
        from reconnectSpan in Gen.Choose(0, 2000)
        from failback in Gen.Frequency((4, Gen.Constant(true)), (1, Gen.Constant(false)))
        from holdDown in Gen.Choose(0, 2000)
        from duration in Gen.Choose(1000, 8000)
        select new Cluster(
            seed, servers, clients, shuffled ? order : null, interval, (interval * timeoutTenths / 10) + 1,
            reconnectBase, reconnectBase + reconnectSpan, failback, holdDown, duration);

    private static Gen<(double Rate, int? Senders, int Bytes)> Workloads(int clients) =>
        from rate in Gen.Frequency((1, Gen.Constant(0)), (8, Gen.Choose(1, 10)), (1, Gen.Choose(10, 30)))
        from senders in Gen.Frequency((3, Gen.Constant<int?>(null)), (1, Gen.Choose(0, clients).Select(s => (int?)s)))
        from bytes in Gen.Choose(16, 400)
        select ((double)rate, senders, bytes);

    private static Gen<IReadOnlyList<Episode>> FaultyEpisodes(Cluster cluster) =>
        from count in Gen.Frequency((1, Gen.Choose(0, 1)), (4, Gen.Choose(1, 4)), (2, Gen.Choose(4, 8)))
        from candidates in Gen.ArrayOf(Gen.Frequency((2, ServerEpisodes(cluster)), (3, LinkEpisodes(cluster))), count)
        select (IReadOnlyList<Episode>)NonOverlappingServerEpisodes(candidates);

    private static Gen<IReadOnlyList<Episode>> BudgetEpisodes(Cluster cluster) =>
        from count in Gen.Choose(0, 3)
        from episodes in Gen.ArrayOf(BudgetLatency(cluster, Math.Max(1, count)), count)
        select (IReadOnlyList<Episode>)episodes;

    /// <summary>Server episodes on one server may not overlap (a crashed server cannot hang); later ones that would are dropped.</summary>
    private static List<Episode> NonOverlappingServerEpisodes(IEnumerable<Episode> candidates)
    {
        var kept = new List<Episode>();
        foreach (var episode in candidates)
        {
            if (episode is ServerEpisode && kept.OfType<ServerEpisode>().Any(e => e.Overlaps(episode)))
            {
                continue;
            }

            kept.Add(episode);
        }

        return kept;
    }

    private static Gen<Episode> ServerEpisodes(Cluster cluster) =>
        from outage in Gen.Elements(Outage.Crash, Outage.Hang, Outage.HangThenCrash, Outage.Shutdown)
        from server in Gen.Choose(0, cluster.Servers - 1)
        from window in Window(cluster.DurationMs)
        select (Episode)new ServerEpisode(outage, server, window.Start, window.End);

    private static Gen<Episode> LinkEpisodes(Cluster cluster) =>
        from type in Gen.Elements(LinkFaults)
        from server in Gen.Choose(0, cluster.Servers - 1)
        from clients in Gen.Frequency((1, Gen.Constant<IReadOnlyList<int>?>(null)), (1, SomeClients(cluster.Clients)))
        from direction in Gen.Elements(LinkDirection.Both, LinkDirection.Both, LinkDirection.Upstream, LinkDirection.Downstream)
        from window in Window(cluster.DurationMs, type is FaultType.Blackhole or FaultType.Partition ? cluster.TimeoutMs + cluster.IntervalMs : 1)
        from healByHeal in Gen.Elements(false, false, true)
        from toxicity in Gen.Frequency((4, Gen.Constant(1.0)), (1, Gen.Choose(1, 9).Select(t => t / 10.0)))
        from latency in Gen.Choose(1, 2 * cluster.TimeoutMs)
        from jitter in Gen.Choose(0, latency)
        from rate in Gen.Choose(1, 200)
        from average in Gen.Choose(1, 200)
        from variation in Gen.Choose(0, average - 1)
        from delayUs in Gen.Choose(0, 5000)
        select Link(type, server, clients, direction, window, healByHeal, toxicity, latency, jitter, rate, average, variation, delayUs);

    private static Episode Link(FaultType type, int server, IReadOnlyList<int>? clients, LinkDirection direction, (int Start, int End) window,
        bool healByHeal, double toxicity, int latency, int jitter, int rate, int average, int variation, int delayUs)
    {
        var episode = new LinkEpisode(type, server, window.Start) { Clients = clients, Toxicity = toxicity };
        if (type == FaultType.Reset)
        {
            return episode;
        }

        episode = healByHeal ? episode with { HealAtMs = window.End } : episode with { ForMs = window.End - window.Start };
        return type switch
        {
            FaultType.Latency => episode with { Direction = direction, LatencyMs = latency, JitterMs = jitter },
            FaultType.Bandwidth => episode with { Direction = direction, RateKBps = rate },
            FaultType.Slicer => episode with { Direction = direction, AverageBytes = average, VariationBytes = variation, DelayUs = delayUs },
            FaultType.Blackhole => episode with { Direction = direction },
            _ => episode,
        };
    }

    /// <summary>Latency whose worst round trip, summed over every episode, stays under the timeout.</summary>
    private static Gen<Episode> BudgetLatency(Cluster cluster, int episodes) =>
        from server in Gen.Choose(0, cluster.Servers - 1)
        from clients in Gen.Frequency((1, Gen.Constant<IReadOnlyList<int>?>(null)), (1, SomeClients(cluster.Clients)))
        from window in Window(cluster.DurationMs)
        from share in Gen.Choose(1, Math.Max(1, ((cluster.TimeoutMs - 1) / (2 * episodes)) - 1))
        from jitter in Gen.Choose(0, share / 2)
        select (Episode)new LinkEpisode(FaultType.Latency, server, window.Start)
        {
            Clients = clients,
            ForMs = window.End - window.Start,
            LatencyMs = share - jitter,
            JitterMs = jitter,
        };

    /// <summary>A fault window inside the timeline, ending before it does, lasting at least <paramref name="minimumMs"/> when it fits.</summary>
    private static Gen<(int Start, int End)> Window(int durationMs, int minimumMs = 1) =>
        from start in Gen.Choose(0, Math.Max(0, durationMs - 1 - minimumMs))
        from length in Gen.Frequency((3, Gen.Choose(minimumMs, Math.Max(minimumMs, 1500))), (1, Gen.Choose(minimumMs, Math.Max(minimumMs, durationMs))))
        select (start, Math.Min(durationMs - 1, start + length));

    private static Gen<IReadOnlyList<int>?> SomeClients(int clients) =>
        from picked in Gen.SubListOf(Enumerable.Range(0, clients))
        from fallback in Gen.Choose(0, clients - 1)
        select (IReadOnlyList<int>?)(picked.Count > 0 ? [.. picked] : [fallback]);

    /// <summary>Smaller plans that might still fail, most drastic first: fewer episodes, clients, servers, messages, time.</summary>
    public static IEnumerable<ScenarioPlan> Shrink(ScenarioPlan plan) => Candidates(plan).Where(PlanRules.Admits);

    private static IEnumerable<ScenarioPlan> Candidates(ScenarioPlan plan)
    {
        for (var i = 0; i < plan.Episodes.Count; i++)
        {
            yield return plan with { Episodes = [.. plan.Episodes.Where((_, j) => j != i)] };
        }

        if (plan.Clients > 1)
        {
            yield return WithoutLastClient(plan);
        }

        if (plan.Servers > 1 && plan.Episodes.All(e => e.Server != plan.Servers - 1))
        {
            yield return WithoutLastServer(plan);
        }

        if (plan.Senders is not 1 && plan.Clients > 1)
        {
            yield return plan with { Senders = 1 };
        }

        if (plan.RatePerClient > 1)
        {
            yield return plan with { RatePerClient = Math.Floor(plan.RatePerClient / 2) };
        }

        var lastEnd = plan.Episodes.Count == 0 ? 0 : plan.Episodes.Max(e => e.EndMs);
        var shorter = Math.Max(Math.Max(100, lastEnd + 1), plan.DurationMs / 2);
        if (shorter < plan.DurationMs)
        {
            yield return plan with { DurationMs = shorter };
        }

        if (plan.ServerOrder is not null)
        {
            yield return plan with { ServerOrder = null };
        }

        for (var i = 0; i < plan.Episodes.Count; i++)
        {
            foreach (var simpler in plan.Episodes[i].Shrink())
            {
                var episodes = plan.Episodes.ToArray();
                episodes[i] = simpler;
                yield return plan with { Episodes = episodes };
            }
        }
    }

    private static ScenarioPlan WithoutLastClient(ScenarioPlan plan)
    {
        var gone = plan.Clients - 1;
        return plan with
        {
            Clients = gone,
            Senders = plan.Senders is { } senders ? Math.Min(senders, gone) : null,
            Episodes = [.. plan.Episodes.Select(e => e.WithoutClient(gone)).OfType<Episode>()],
        };
    }

    private static ScenarioPlan WithoutLastServer(ScenarioPlan plan)
    {
        var gone = plan.Servers - 1;
        return plan with
        {
            Servers = gone,
            ServerOrder = plan.ServerOrder is { } order ? [.. order.Where(s => s != gone)] : null,
        };
    }
}
