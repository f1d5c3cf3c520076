using ApartiumChat.Faults.Tests.Support;
using ApartiumChat.Faults.Toxics;

namespace ApartiumChat.Faults.Tests.Toxics;

/// <summary>Toxics added, changed or removed while a connection is open act on it at once.</summary>
public sealed class LiveChangeTests
{
    [Test]
    public void AddedToxic_ActsOnAnOpenConnection_AtOnce()
    {
        SimulatedProxy.Run(async sim =>
        {
            var (client, server) = await sim.ConnectAsync();
            await Exchange(sim, client, server, expected: TimeSpan.Zero);

            sim.Proxy.AddToxic(Toxic.Create(new LatencyToxic { LatencyMs = 250 }));

            await Exchange(sim, client, server, expected: TimeSpan.FromMilliseconds(250));
        });
    }

    [Test]
    public void RemovingTheLastToxic_RestoresPlainForwarding_AndReleasesWhatItHeld()
    {
        SimulatedProxy.Run(async sim =>
        {
            var (client, server) = await sim.ConnectAsync();
            sim.Proxy.AddToxic(Toxic.Create(new LatencyToxic { LatencyMs = 10_000 }, name: "slow"));
            await server.SendAsync("held");
            await sim.DelayAsync(100);

            var start = sim.Now;
            sim.Proxy.RemoveToxic("slow");

            Assert.That(await client.ReceiveTextAsync(4), Is.EqualTo("held"));
            Assert.That(sim.Now - start, Is.EqualTo(TimeSpan.Zero), "released at once, not after 10 s");
            await Exchange(sim, client, server, expected: TimeSpan.Zero);
            Assert.That(sim.Proxy.Connections[0].DownstreamToxics, Is.Empty);
        });
    }

    [Test]
    public void UpdatedLatency_RetimesWhatIsHeld_AndWhatComes()
    {
        SimulatedProxy.Run(async sim =>
        {
            var (client, server) = await sim.ConnectAsync();
            sim.Proxy.AddToxic(Toxic.Create(new LatencyToxic { LatencyMs = 1000 }, name: "lag"));
            var start = sim.Now;
            await server.SendAsync("early");
            await sim.DelayAsync(100);

            sim.Proxy.UpdateToxic("lag", new LatencyToxic { LatencyMs = 300 });

            Assert.That(await client.ReceiveTextAsync(5), Is.EqualTo("early"));
            Assert.That(sim.Now - start, Is.EqualTo(TimeSpan.FromMilliseconds(300)), "held bytes now wait 300 ms from when they came");
            await Exchange(sim, client, server, expected: TimeSpan.FromMilliseconds(300));
        });
    }

    [Test]
    public void UpdatedBandwidth_TakesEffectAtOnce()
    {
        SimulatedProxy.Run(async sim =>
        {
            var (client, server) = await sim.ConnectAsync();
            sim.Proxy.AddToxic(Toxic.Create(new BandwidthToxic { RateKBps = 1 }, name: "thin"));
            var reading = client.ReceiveAsync(20_000);
            await server.SendAsync(ConnectionExtensions.Pattern(20_000));
            await sim.DelayAsync(TimeSpan.FromSeconds(2));
            var start = sim.Now;

            sim.Proxy.UpdateToxic("thin", new BandwidthToxic { RateKBps = 100 });
            await reading;

            // ~18 KB left at 100 KB/s is ~0.18 s, not the ~18 s it would take at 1 KB/s.
            Assert.That(sim.Now - start, Is.LessThan(TimeSpan.FromSeconds(0.3)));
        });
    }

    [Test]
    public void ToxicsOnOneProxy_ActInTheOrderAdded()
    {
        SimulatedProxy.Run(async sim =>
        {
            var (client, server) = await sim.ConnectAsync();
            sim.Proxy.AddToxic(Toxic.Create(new LatencyToxic { LatencyMs = 50 }, name: "a"));
            sim.Proxy.AddToxic(Toxic.Create(new LatencyToxic { LatencyMs = 70 }, name: "b"));

            Assert.That(sim.Proxy.Connections[0].DownstreamToxics, Is.EqualTo(new[] { "a", "b" }));
            await Exchange(sim, client, server, expected: TimeSpan.FromMilliseconds(120), downOnly: true);
        });
    }

    [Test]
    public void AddToxic_DuplicateName_IsRefused_InvalidValues_AreAllReported()
    {
        SimulatedProxy.Run(sim =>
        {
            sim.Proxy.AddToxic(Toxic.Create(new LatencyToxic { LatencyMs = 1 }, name: "dup"));

            var duplicate = Assert.Throws<FaultProxyException>(() => sim.Proxy.AddToxic(Toxic.Create(new BlackholeToxic(), name: "dup")));
            Assert.That(duplicate!.Kind, Is.EqualTo(FaultErrorKind.ToxicExists));

            var invalid = Assert.Throws<FaultProxyException>(() => sim.Proxy.AddToxic(
                Toxic.Create(new LatencyToxic { LatencyMs = -1, JitterMs = -2 }, toxicity: 1.5)));
            Assert.That(invalid!.Kind, Is.EqualTo(FaultErrorKind.Invalid));
            Assert.That(invalid.Message, Does.Contain("latency").And.Contain("jitter").And.Contain("toxicity"));

            var wrongType = Assert.Throws<FaultProxyException>(() => sim.Proxy.UpdateToxic("dup", new BandwidthToxic()));
            Assert.That(wrongType!.Kind, Is.EqualTo(FaultErrorKind.Invalid));
            var missing = Assert.Throws<FaultProxyException>(() => sim.Proxy.UpdateToxic("nope", toxicity: 0.5));
            Assert.That(missing!.Kind, Is.EqualTo(FaultErrorKind.ToxicNotFound));
            Assert.That(sim.Proxy.RemoveToxic("nope"), Is.False);
            return Task.CompletedTask;
        });
    }

    private static async Task Exchange(SimulatedProxy sim, Transport.IConnection client, Transport.IConnection server, TimeSpan expected, bool downOnly = false)
    {
        var start = sim.Now;
        await server.SendAsync("pong");
        await client.ReceiveAsync(4);
        Assert.That(sim.Now - start, Is.EqualTo(expected), "server to client");
        if (!downOnly)
        {
            start = sim.Now;
            await client.SendAsync("ping");
            await server.ReceiveAsync(4);
            Assert.That(sim.Now - start, Is.EqualTo(TimeSpan.Zero), "client to server is untouched");
        }
    }
}
