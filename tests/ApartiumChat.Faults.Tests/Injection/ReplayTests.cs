using ApartiumChat.Faults.Journal;
using ApartiumChat.Faults.Tests.Support;
using ApartiumChat.Faults.Toxics;

namespace ApartiumChat.Faults.Tests.Injection;

public sealed class ReplayTests
{
    [Test]
    public void SameSeed_SameRun_RecordForRecord()
    {
        var first = Run(seed: 11);
        var again = Run(seed: 11);
        var other = Run(seed: 12);

        Assert.That(again, Is.EqualTo(first));
        Assert.That(other.Select(r => r.Applied), Is.Not.EqualTo(first.Select(r => r.Applied)));
        Assert.That(first.Where(r => r.Kind == InjectionKind.Decision && r.Applied && r.Detail == "latency"), Has.All.Matches<InjectionRecord>(r => r.ChunkSeed is not null));
    }

    [Test]
    public void Partition_BothWaysBlackholePlusRefuse_CutsTheLink_HealRestoresIt()
    {
        SimulatedProxy.Run(async sim =>
        {
            var (client, server) = await sim.ConnectAsync();
            foreach (var toxic in Toxic.BothWays(new BlackholeToxic(), "f1-partition"))
            {
                sim.Proxy.AddToxic(toxic);
            }

            sim.Proxy.AddToxic(Toxic.Create(new RefuseToxic(), name: "f1-partition-refuse"));

            await client.SendAsync("lost up");
            await server.SendAsync("lost down");
            var newcomer = await sim.Network.ConnectAsync(sim.Proxy.Listen);
            Assert.That((await newcomer.ReadUntilEndAsync()).End, Is.EqualTo("reset"));
            await sim.DelayAsync(1000);
            Assert.That(sim.Proxy.Connections.Single().BytesUp + sim.Proxy.Connections.Single().BytesDown, Is.Zero);

            sim.Proxy.RemoveAllToxics();

            await client.SendAsync("up");
            await server.SendAsync("down");
            Assert.That(await server.ReceiveTextAsync(2), Is.EqualTo("up"));
            Assert.That(await client.ReceiveTextAsync(4), Is.EqualTo("down"));
        });
    }

    private static List<InjectionRecord> Run(long seed)
    {
        var records = new List<InjectionRecord>();
        SimulatedProxy.Run(
            async sim =>
            {
                sim.Proxy.AddToxic(Toxic.Create(new LatencyToxic { LatencyMs = 10, JitterMs = 5 }, toxicity: 0.5));
                sim.Proxy.AddToxic(Toxic.Create(new RefuseToxic(), toxicity: 0.2));
                for (var i = 0; i < 30; i++)
                {
                    var client = await sim.Network.ConnectAsync(sim.Proxy.Listen);
                    await sim.DelayAsync(5);
                    client.Abort();
                }

                records.AddRange(sim.Proxy.Journal.Snapshot());
            },
            FaultProxyOptions.Default with { Seed = seed });
        return records;
    }
}
