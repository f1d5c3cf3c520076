using ApartiumChat.Faults.Tests.Support;
using ApartiumChat.Faults.Toxics;

namespace ApartiumChat.Faults.Tests.Toxics;

public sealed class LatencyToxicTests
{
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(100);

    [Test]
    public void Latency_Downstream_DelaysServerBytes_AndNotClientBytes()
    {
        SimulatedProxy.Run(async sim =>
        {
            var (client, server) = await sim.ConnectAsync();
            sim.Proxy.AddToxic(Toxic.Create(new LatencyToxic { LatencyMs = 100 }, ToxicStream.Downstream));

            var start = sim.Now;
            await client.SendAsync("ping");
            await server.ReceiveAsync(4);
            var up = sim.Now - start;

            start = sim.Now;
            await server.SendAsync("pong");
            await client.ReceiveAsync(4);
            var down = sim.Now - start;

            Assert.That(up, Is.EqualTo(TimeSpan.Zero));
            Assert.That(down, Is.EqualTo(Latency));
        });
    }

    [Test]
    public void Latency_Upstream_DelaysClientBytes_AndNotServerBytes()
    {
        SimulatedProxy.Run(async sim =>
        {
            var (client, server) = await sim.ConnectAsync();
            sim.Proxy.AddToxic(Toxic.Create(new LatencyToxic { LatencyMs = 100 }, ToxicStream.Upstream));

            var start = sim.Now;
            await client.SendAsync("ping");
            await server.ReceiveAsync(4);
            var up = sim.Now - start;

            start = sim.Now;
            await server.SendAsync("pong");
            await client.ReceiveAsync(4);
            var down = sim.Now - start;

            Assert.That(up, Is.EqualTo(Latency));
            Assert.That(down, Is.EqualTo(TimeSpan.Zero));
        });
    }

    [Test]
    public void Latency_PipelinesChunks_ThroughputIsNotDividedByLatency()
    {
        SimulatedProxy.Run(async sim =>
        {
            var (client, server) = await sim.ConnectAsync();
            sim.Proxy.AddToxic(Toxic.Create(new LatencyToxic { LatencyMs = 100 }));

            var start = sim.Now;
            var receiving = client.ReadChunksAsync(sim, total: 50 * 10);
            for (var i = 0; i < 50; i++)
            {
                await server.SendAsync(ConnectionExtensions.Pattern(10, i));
                await sim.DelayAsync(1);
            }

            var chunks = await receiving;

            // 50 chunks sent 1 ms apart each arrive 100 ms after they were sent: the last at 149 ms, not 5 s.
            Assert.That(chunks.Sum(c => c.Size), Is.EqualTo(500));
            Assert.That(chunks[0].At - start, Is.EqualTo(Latency));
            Assert.That(chunks[^1].At - start, Is.EqualTo(TimeSpan.FromMilliseconds(149)));
        });
    }

    [Test]
    public void Jitter_LargerThanTheGaps_NeverReorders()
    {
        SimulatedProxy.Run(async sim =>
        {
            var (client, server) = await sim.ConnectAsync();
            sim.Proxy.AddToxic(Toxic.Create(new LatencyToxic { LatencyMs = 100, JitterMs = 40 }));

            // Chunks 5 ms apart with +-40 ms of jitter: many draws would overtake the chunk before.
            var sent = new List<byte>();
            var receiving = client.ReadToEndAsync();
            var start = sim.Now;
            for (var i = 0; i < 40; i++)
            {
                var bytes = ConnectionExtensions.Pattern(16, i);
                sent.AddRange(bytes);
                await server.SendAsync(bytes);
                await sim.DelayAsync(5);
            }

            await server.FinishAsync();
            var received = await receiving;

            Assert.That(received, Is.EqualTo(sent.ToArray()), "complete and in order");
            Assert.That(sim.Now - start, Is.InRange(TimeSpan.FromMilliseconds(200 + 60), TimeSpan.FromMilliseconds(200 + 140)));
        });
    }

    [Test]
    public void Jitter_DelaysVary_WithinLatencyPlusOrMinusJitter()
    {
        SimulatedProxy.Run(async sim =>
        {
            var (client, server) = await sim.ConnectAsync();
            sim.Proxy.AddToxic(Toxic.Create(new LatencyToxic { LatencyMs = 100, JitterMs = 40 }));

            // One chunk at a time, so each delay is its own draw.
            var delays = new List<TimeSpan>();
            for (var i = 0; i < 30; i++)
            {
                var start = sim.Now;
                await server.SendAsync(ConnectionExtensions.Pattern(8, i));
                await client.ReceiveAsync(8);
                delays.Add(sim.Now - start);
            }

            Assert.That(delays, Is.All.InRange(TimeSpan.FromMilliseconds(60), TimeSpan.FromMilliseconds(140)));
            Assert.That(delays.Distinct().Count(), Is.GreaterThan(20), "jitter draws differ");
        });
    }

    [Test]
    public void Jitter_SameSeed_SameDelays()
    {
        static List<TimeSpan> Run(long seed)
        {
            var delays = new List<TimeSpan>();
            SimulatedProxy.Run(
                async sim =>
                {
                    var (client, server) = await sim.ConnectAsync();
                    sim.Proxy.AddToxic(Toxic.Create(new LatencyToxic { LatencyMs = 50, JitterMs = 50 }));
                    for (var i = 0; i < 10; i++)
                    {
                        var start = sim.Now;
                        await server.SendAsync("x");
                        await client.ReceiveAsync(1);
                        delays.Add(sim.Now - start);
                    }
                },
                FaultProxyOptions.Default with { Seed = seed });
            return delays;
        }

        var first = Run(7);
        var again = Run(7);
        var other = Run(8);

        Assert.That(again, Is.EqualTo(first));
        Assert.That(other, Is.Not.EqualTo(first));
    }

    [Test]
    public void Latency_AlsoDelaysTheClose()
    {
        SimulatedProxy.Run(async sim =>
        {
            var (client, server) = await sim.ConnectAsync();
            sim.Proxy.AddToxic(Toxic.Create(new LatencyToxic { LatencyMs = 100 }));

            var start = sim.Now;
            await server.SendAsync("last");
            await server.FinishAsync();

            Assert.That(await client.ReadUntilEndAsync(), Is.EqualTo(("fin", "last"u8.ToArray())));
            Assert.That(sim.Now - start, Is.EqualTo(Latency));
        });
    }
}
