using ApartiumChat.Faults.Tests.Support;
using ApartiumChat.Faults.Toxics;

namespace ApartiumChat.Faults.Tests.Toxics;

public sealed class RefuseToxicTests
{
    [Test]
    public void Refuse_ResetsNewConnections_WithoutReachingTheServer()
    {
        SimulatedProxy.Run(async sim =>
        {
            sim.Proxy.AddToxic(Toxic.Create(new RefuseToxic(), name: "refuse"));
            var accepting = sim.ServerListener.AcceptAsync().AsTask();

            var client = await sim.Network.ConnectAsync(sim.Proxy.Listen);

            Assert.That((await client.ReadUntilEndAsync()).End, Is.EqualTo("reset"));
            await sim.DelayAsync(1000);
            Assert.That(accepting.IsCompleted, Is.False, "the server never saw a connection");
            Assert.That(sim.Proxy.Journal.Snapshot().Count(r => r.Kind == Journal.InjectionKind.Refused), Is.EqualTo(1));

            sim.Proxy.RemoveToxic("refuse");
            var again = await sim.Network.ConnectAsync(sim.Proxy.Listen);
            var server = await accepting;
            await again.SendAsync("in");
            Assert.That(await server!.ReceiveTextAsync(2), Is.EqualTo("in"));
        });
    }

    [Test]
    public void Refuse_LeavesOpenConnectionsAlone()
    {
        SimulatedProxy.Run(async sim =>
        {
            var (client, server) = await sim.ConnectAsync();

            sim.Proxy.AddToxic(Toxic.Create(new RefuseToxic()));
            await client.SendAsync("still here");

            Assert.That(await server.ReceiveTextAsync(10), Is.EqualTo("still here"));
        });
    }
}
