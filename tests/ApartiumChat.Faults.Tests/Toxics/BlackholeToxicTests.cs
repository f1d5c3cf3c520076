using ApartiumChat.Faults.Tests.Support;
using ApartiumChat.Faults.Toxics;

namespace ApartiumChat.Faults.Tests.Toxics;

public sealed class BlackholeToxicTests
{
    [Test]
    public void Blackhole_DropsBytes_ButKeepsTheConnectionOpen()
    {
        SimulatedProxy.Run(async sim =>
        {
            var (client, server) = await sim.ConnectAsync();
            sim.Proxy.AddToxic(Toxic.Create(new BlackholeToxic(), ToxicStream.Downstream, name: "cut"));
            var reading = client.ReadUntilEndAsync();

            await server.SendAsync("lost");
            await sim.DelayAsync(TimeSpan.FromMinutes(5));

            Assert.That(reading.IsCompleted, Is.False, "no FIN, no reset: the connection is still open");
            Assert.That(sim.Proxy.Connections, Has.Count.EqualTo(1));

            // The other direction still flows.
            await client.SendAsync("up");
            Assert.That(await server.ReceiveTextAsync(2), Is.EqualTo("up"));

            sim.Proxy.RemoveToxic("cut");
            await server.SendAsync("found");
            await server.FinishAsync();
            Assert.That(await reading, Is.EqualTo(("fin", "found"u8.ToArray())), "dropped bytes are gone; new ones flow");
        });
    }

    [Test]
    public void Blackhole_HoldsTheSendersClose_UntilItHeals()
    {
        SimulatedProxy.Run(async sim =>
        {
            var (client, server) = await sim.ConnectAsync();
            sim.Proxy.AddToxic(Toxic.Create(new BlackholeToxic(), ToxicStream.Upstream, name: "cut"));
            var reading = server.ReadUntilEndAsync();

            await client.FinishAsync();
            await sim.DelayAsync(TimeSpan.FromSeconds(10));
            Assert.That(reading.IsCompleted, Is.False);

            sim.Proxy.RemoveToxic("cut");

            Assert.That((await reading).End, Is.EqualTo("fin"));
        });
    }

    [Test]
    public void Blackhole_WithHealAfter_HealsItself()
    {
        SimulatedProxy.Run(async sim =>
        {
            var (client, server) = await sim.ConnectAsync();
            sim.Proxy.AddToxic(Toxic.Create(new BlackholeToxic(), name: "cut"), healAfter: TimeSpan.FromSeconds(2));

            await server.SendAsync("lost");
            await sim.DelayAsync(TimeSpan.FromSeconds(2.5));
            await server.SendAsync("back");

            Assert.That(await client.ReceiveTextAsync(4), Is.EqualTo("back"));
            Assert.That(sim.Proxy.Toxics, Is.Empty);
            Assert.That(sim.Proxy.Journal.Snapshot().Select(r => r.Kind), Does.Contain(Journal.InjectionKind.Healed));
        });
    }
}
