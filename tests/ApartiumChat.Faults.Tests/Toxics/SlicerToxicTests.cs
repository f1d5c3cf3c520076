using ApartiumChat.Faults.Tests.Support;
using ApartiumChat.Faults.Toxics;

namespace ApartiumChat.Faults.Tests.Toxics;

public sealed class SlicerToxicTests
{
    [Test]
    public void Slicer_CutsAtTheAverageSize_WithTheDelayBetweenSlices()
    {
        SimulatedProxy.Run(async sim =>
        {
            var (client, server) = await sim.ConnectAsync();
            sim.Proxy.AddToxic(Toxic.Create(new SlicerToxic { AverageSize = 10, SizeVariation = 0, DelayUs = 1000 }));

            var start = sim.Now;
            var reading = client.ReadChunksAsync(sim, total: 35);
            await server.SendAsync(ConnectionExtensions.Pattern(35));
            var chunks = await reading;

            Assert.That(chunks.Select(c => c.Size), Is.EqualTo(new[] { 10, 10, 10, 5 }));
            Assert.That(chunks.Select(c => (c.At - start).TotalMilliseconds), Is.EqualTo(new[] { 0.0, 1, 2, 3 }));
        });
    }

    [Test]
    public void Slicer_WithVariation_SlicesStayWithinBounds_AndBytesStayIntact()
    {
        SimulatedProxy.Run(async sim =>
        {
            var (client, server) = await sim.ConnectAsync();
            sim.Proxy.AddToxic(Toxic.Create(new SlicerToxic { AverageSize = 20, SizeVariation = 8, DelayUs = 500 }, ToxicStream.Upstream));
            var payload = ConnectionExtensions.Pattern(1000);

            var reading = server.ReadChunksAsync(sim, total: payload.Length);
            await client.SendAsync(payload);
            var chunks = await reading;

            Assert.That(chunks.Sum(c => c.Size), Is.EqualTo(1000));
            Assert.That(chunks.Take(chunks.Count - 1).Select(c => c.Size), Is.All.InRange(12, 28));
            Assert.That(chunks.Select(c => c.Size).Distinct().Count(), Is.GreaterThan(3), "sizes vary");
        });
    }

    [Test]
    public void Slicer_NextChunkWaitsForTheSlicesBeforeIt()
    {
        SimulatedProxy.Run(async sim =>
        {
            var (client, server) = await sim.ConnectAsync();
            sim.Proxy.AddToxic(Toxic.Create(new SlicerToxic { AverageSize = 4, DelayUs = 10_000 }));

            var start = sim.Now;
            var reading = client.ReadChunksAsync(sim, total: 16);
            await server.SendAsync("aaaabbbb");
            await server.SendAsync("ccccdddd");
            var chunks = await reading;

            Assert.That(chunks.Select(c => (c.At - start).TotalMilliseconds), Is.EqualTo(new[] { 0.0, 10, 20, 30 }));
        });
    }
}
