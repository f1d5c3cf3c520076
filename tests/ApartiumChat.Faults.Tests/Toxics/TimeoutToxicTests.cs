using ApartiumChat.Faults.Tests.Support;
using ApartiumChat.Faults.Toxics;

namespace ApartiumChat.Faults.Tests.Toxics;

public sealed class TimeoutToxicTests
{
    [Test]
    public void Timeout_DropsBytes_ThenClosesAfterItsTimeout()
    {
        SimulatedProxy.Run(async sim =>
        {
            var (client, server) = await sim.ConnectAsync();
            var start = sim.Now;
            sim.Proxy.AddToxic(Toxic.Create(new TimeoutToxic { TimeoutMs = 500 }));

            await server.SendAsync("never seen");
            var (end, bytes) = await client.ReadUntilEndAsync();

            Assert.That(end, Is.EqualTo("fin"));
            Assert.That(bytes, Is.Empty);
            Assert.That(sim.Now - start, Is.EqualTo(TimeSpan.FromMilliseconds(500)));
            Assert.That((await server.ReadUntilEndAsync()).End, Is.EqualTo("fin"), "the whole connection is closed");
        });
    }

    [Test]
    public void Timeout_OfZero_NeverCloses()
    {
        SimulatedProxy.Run(async sim =>
        {
            var (client, server) = await sim.ConnectAsync();
            sim.Proxy.AddToxic(Toxic.Create(new TimeoutToxic { TimeoutMs = 0 }));
            var reading = client.ReadUntilEndAsync();

            await server.SendAsync("dropped");
            await sim.DelayAsync(TimeSpan.FromHours(1));

            Assert.That(reading.IsCompleted, Is.False);
        });
    }

    [Test]
    public void Timeout_Removed_ClosesTheConnectionsItHeld_LikeToxiproxy()
    {
        SimulatedProxy.Run(async sim =>
        {
            var (client, _) = await sim.ConnectAsync();
            sim.Proxy.AddToxic(Toxic.Create(new TimeoutToxic { TimeoutMs = 0 }, name: "t"));
            await sim.DelayAsync(100);

            sim.Proxy.RemoveToxic("t");

            Assert.That((await client.ReadUntilEndAsync()).End, Is.EqualTo("fin"));
            Assert.That(sim.Proxy.Journal.Snapshot().Count(r => r.Kind == Journal.InjectionKind.Fired), Is.EqualTo(1));
        });
    }
}
