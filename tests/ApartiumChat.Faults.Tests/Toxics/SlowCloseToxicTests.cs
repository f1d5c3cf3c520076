using ApartiumChat.Faults.Tests.Support;
using ApartiumChat.Faults.Toxics;

namespace ApartiumChat.Faults.Tests.Toxics;

public sealed class SlowCloseToxicTests
{
    [Test]
    public void SlowClose_DelaysTheFin_NotTheData()
    {
        SimulatedProxy.Run(async sim =>
        {
            var (client, server) = await sim.ConnectAsync();
            sim.Proxy.AddToxic(Toxic.Create(new SlowCloseToxic { DelayMs = 200 }));

            var start = sim.Now;
            await server.SendAsync("bye");
            Assert.That(await client.ReceiveTextAsync(3), Is.EqualTo("bye"));
            Assert.That(sim.Now - start, Is.EqualTo(TimeSpan.Zero));

            await server.FinishAsync();
            Assert.That((await client.ReadUntilEndAsync()).End, Is.EqualTo("fin"));
            Assert.That(sim.Now - start, Is.EqualTo(TimeSpan.FromMilliseconds(200)));
        });
    }
}
