using ApartiumChat.Faults.Journal;
using ApartiumChat.Faults.Tests.Support;
using ApartiumChat.Faults.Toxics;

namespace ApartiumChat.Faults.Tests.Toxics;

public sealed class ToxicityTests
{
    private const int Connections = 200;

    [Test]
    public void Toxicity_AppliesToItsShareOfConnections_AsTheJournalSays()
    {
        var (delayed, decided) = Measure(seed: 42, toxicity: 0.3);

        Assert.That(delayed, Is.EqualTo(decided), "the journal says which connections the toxic applied to");
        Assert.That(delayed.Count, Is.InRange(40, 80), "about 30% of 200");
    }

    [Test]
    public void Toxicity_SameSeed_SameConnections_OtherSeed_OtherConnections()
    {
        var first = Measure(seed: 5, toxicity: 0.5).Delayed;
        var again = Measure(seed: 5, toxicity: 0.5).Delayed;
        var other = Measure(seed: 6, toxicity: 0.5).Delayed;

        Assert.That(again, Is.EqualTo(first));
        Assert.That(other, Is.Not.EqualTo(first));
    }

    [Test]
    public void Toxicity_Zero_AppliesToNone_One_AppliesToAll()
    {
        Assert.That(Measure(seed: 1, toxicity: 0, connections: 30).Delayed, Is.Empty);
        Assert.That(Measure(seed: 1, toxicity: 1, connections: 30).Delayed, Has.Count.EqualTo(30));
    }

    [Test]
    public void Toxicity_Raised_OnLiveConnections_KeepsEarlierDecisions()
    {
        SimulatedProxy.Run(async sim =>
        {
            var links = new List<(Transport.IConnection Client, Transport.IConnection Server)>();
            for (var i = 0; i < 40; i++)
            {
                links.Add(await sim.ConnectAsync());
            }

            sim.Proxy.AddToxic(Toxic.Create(new LatencyToxic { LatencyMs = 100 }, name: "lag", toxicity: 0.25));
            var atQuarter = Applied(sim.Proxy.Journal);
            sim.Proxy.UpdateToxic("lag", toxicity: 0.75);
            var atThreeQuarters = Applied(sim.Proxy.Journal);

            // Same draws, higher bar: every connection chosen at 25% is still chosen at 75%.
            Assert.That(atQuarter.IsSubsetOf(atThreeQuarters), Is.True);
            Assert.That(atThreeQuarters.Count, Is.GreaterThan(atQuarter.Count));
            foreach (var number in atThreeQuarters.Take(3))
            {
                var (client, server) = links[(int)number - 1];
                var start = sim.Now;
                await server.SendAsync("x");
                await client.ReceiveAsync(1);
                Assert.That(sim.Now - start, Is.EqualTo(TimeSpan.FromMilliseconds(100)));
            }
        });
    }

    private static HashSet<long> Applied(InjectionJournal journal) =>
        journal.Snapshot()
            .Where(r => r.Kind == InjectionKind.Decision)
            .GroupBy(r => r.Key.Connection)
            .Where(g => g.Last().Applied)
            .Select(g => g.Key)
            .ToHashSet();

    /// <summary>Opens connections one by one and sees which ones the latency toxic delays.</summary>
    private static (List<long> Delayed, List<long> Decided) Measure(long seed, double toxicity, int connections = Connections)
    {
        var delayed = new List<long>();
        var decided = new List<long>();
        SimulatedProxy.Run(
            async sim =>
            {
                sim.Proxy.AddToxic(Toxic.Create(new LatencyToxic { LatencyMs = 100 }, toxicity: toxicity));
                for (var number = 1; number <= connections; number++)
                {
                    var (client, server) = await sim.ConnectAsync();
                    var start = sim.Now;
                    await server.SendAsync("?");
                    await client.ReceiveAsync(1);
                    if (sim.Now - start == TimeSpan.FromMilliseconds(100))
                    {
                        delayed.Add(number);
                    }

                    client.Abort();
                }

                decided.AddRange(sim.Proxy.Journal.Snapshot()
                    .Where(r => r.Kind == InjectionKind.Decision && r.Applied)
                    .Select(r => r.Key.Connection));
            },
            FaultProxyOptions.Default with { Seed = seed });
        return (delayed, decided);
    }
}
