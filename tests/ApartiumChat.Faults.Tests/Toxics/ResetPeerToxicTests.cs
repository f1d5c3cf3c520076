using ApartiumChat.Faults.Tests.Support;
using ApartiumChat.Faults.Toxics;

namespace ApartiumChat.Faults.Tests.Toxics;

public sealed class ResetPeerToxicTests
{
    [Test]
    public void ResetPeer_Upstream_ResetsTheClient_WhenItSends()
    {
        SimulatedProxy.Run(async sim =>
        {
            var (client, server) = await sim.ConnectAsync();
            sim.Proxy.AddToxic(Toxic.Create(new ResetPeerToxic(), ToxicStream.Upstream));

            await client.SendAsync("hello?");

            var (end, _) = await client.ReadUntilEndAsync();
            Assert.That(end, Is.EqualTo("reset"));
            var (serverEnd, seen) = await server.ReadUntilEndAsync();
            Assert.That(serverEnd, Is.EqualTo("reset"));
            Assert.That(seen, Is.Empty, "the data that triggered it was dropped");
        });
    }

    [Test]
    public void ResetPeer_Downstream_WithTimeout_ResetsTheClientThatLongAfterData()
    {
        SimulatedProxy.Run(async sim =>
        {
            var (client, server) = await sim.ConnectAsync();
            sim.Proxy.AddToxic(Toxic.Create(new ResetPeerToxic { TimeoutMs = 200 }));

            var start = sim.Now;
            await server.SendAsync("welcome");

            Assert.That((await client.ReadUntilEndAsync()).End, Is.EqualTo("reset"));
            Assert.That(sim.Now - start, Is.EqualTo(TimeSpan.FromMilliseconds(200)));
        });
    }

    [Test]
    public void ResetPeer_StaysInForce_ForNewConnections()
    {
        SimulatedProxy.Run(async sim =>
        {
            sim.Proxy.AddToxic(Toxic.Create(new ResetPeerToxic(), ToxicStream.Upstream));

            for (var i = 0; i < 3; i++)
            {
                var (client, _) = await sim.ConnectAsync();
                await client.SendAsync("again");
                Assert.That((await client.ReadUntilEndAsync()).End, Is.EqualTo("reset"), $"connection {i + 1}");
            }

            Assert.That(sim.Proxy.Journal.Snapshot().Count(r => r.Kind == Journal.InjectionKind.Fired), Is.EqualTo(3));
        });
    }

    [Test]
    public void ResetPeer_RemovedBeforeItFires_ConnectionLivesOn()
    {
        SimulatedProxy.Run(async sim =>
        {
            var (client, server) = await sim.ConnectAsync();
            sim.Proxy.AddToxic(Toxic.Create(new ResetPeerToxic { TimeoutMs = 1000 }, name: "rp"));
            await server.SendAsync("dropped");
            await sim.DelayAsync(500);

            sim.Proxy.RemoveToxic("rp");
            await sim.DelayAsync(1000);
            await server.SendAsync("alive");

            Assert.That(await client.ReceiveTextAsync(5), Is.EqualTo("alive"));
        });
    }
}
