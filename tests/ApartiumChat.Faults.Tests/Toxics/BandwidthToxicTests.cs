using ApartiumChat.Faults.Tests.Support;
using ApartiumChat.Faults.Toxics;

namespace ApartiumChat.Faults.Tests.Toxics;

public sealed class BandwidthToxicTests
{
    [Test]
    public void Bandwidth_HoldsItsRate_OverTheWholeTransfer()
    {
        SimulatedProxy.Run(async sim =>
        {
            var (client, server) = await sim.ConnectAsync();
            sim.Proxy.AddToxic(Toxic.Create(new BandwidthToxic { RateKBps = 10 }));
            var payload = ConnectionExtensions.Pattern(100_000);

            var start = sim.Now;
            var sending = SendAndFinishAsync();
            var progress = new List<(TimeSpan At, long Bytes)>();
            var receiving = client.ReadToEndAsync();
            for (var second = 1; second <= 9; second++)
            {
                await sim.DelayAsync(TimeSpan.FromSeconds(1));
                progress.Add((sim.Now - start, sim.Proxy.Connections[0].BytesDown));
            }

            var received = await receiving;
            await sending;

            // 10 KB/s is 10,000 bytes a second, give or take one 100 ms piece.
            Assert.That(received, Is.EqualTo(payload));
            foreach (var (at, bytes) in progress)
            {
                Assert.That(bytes, Is.InRange((at.TotalSeconds * 10_000) - 1_000, at.TotalSeconds * 10_000), $"at {at}");
            }

            Assert.That(sim.Now - start, Is.InRange(TimeSpan.FromSeconds(9.9), TimeSpan.FromSeconds(10.1)));

            async Task SendAndFinishAsync()
            {
                await server.SendAsync(payload);
                await server.FinishAsync();
            }
        });
    }

    [Test]
    public void Bandwidth_OnlyLimitsItsDirection()
    {
        SimulatedProxy.Run(async sim =>
        {
            var (client, server) = await sim.ConnectAsync();
            sim.Proxy.AddToxic(Toxic.Create(new BandwidthToxic { RateKBps = 1 }, ToxicStream.Downstream));

            var start = sim.Now;
            await client.SendAsync(ConnectionExtensions.Pattern(50_000));
            await server.ReceiveAsync(50_000);

            Assert.That(sim.Now - start, Is.EqualTo(TimeSpan.Zero));
        });
    }

    [Test]
    public void Bandwidth_RateZero_StallsUntilRemoved_ThenEverythingArrives()
    {
        SimulatedProxy.Run(async sim =>
        {
            var (client, server) = await sim.ConnectAsync();
            sim.Proxy.AddToxic(Toxic.Create(new BandwidthToxic { RateKBps = 0 }, name: "stall"));

            await server.SendAsync("held back");
            await sim.DelayAsync(TimeSpan.FromSeconds(30));
            Assert.That(sim.Proxy.Connections[0].BytesDown, Is.Zero);

            sim.Proxy.RemoveToxic("stall");

            Assert.That(await client.ReceiveTextAsync(9), Is.EqualTo("held back"));
        });
    }
}
