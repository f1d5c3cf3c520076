using ApartiumChat.Faults.Tests.Support;
using ApartiumChat.Faults.Toxics;

namespace ApartiumChat.Faults.Tests.Toxics;

public sealed class LimitDataToxicTests
{
    [Test]
    public void LimitData_LetsTheLimitThrough_ThenClosesTheConnection()
    {
        SimulatedProxy.Run(async sim =>
        {
            var (client, server) = await sim.ConnectAsync();
            sim.Proxy.AddToxic(Toxic.Create(new LimitDataToxic { Bytes = 10 }, ToxicStream.Upstream));

            await client.SendAsync("0123456789abcdefghijklmno");

            Assert.That(await server.ReadUntilEndAsync(), Is.EqualTo(("fin", "0123456789"u8.ToArray())));
            Assert.That((await client.ReadUntilEndAsync()).End, Is.EqualTo("fin"));
        });
    }

    [Test]
    public void LimitData_CountsAcrossChunks()
    {
        SimulatedProxy.Run(async sim =>
        {
            var (client, server) = await sim.ConnectAsync();
            sim.Proxy.AddToxic(Toxic.Create(new LimitDataToxic { Bytes = 12 }));
            var reading = client.ReadUntilEndAsync();

            foreach (var word in new[] { "abcd", "efgh", "ijklmnop" })
            {
                await server.SendAsync(word);
                await sim.DelayAsync(10);
            }

            Assert.That(await reading, Is.EqualTo(("fin", "abcdefghijkl"u8.ToArray())));
            Assert.That(sim.Proxy.Journal.Snapshot().Single(r => r.Kind == Journal.InjectionKind.Fired).Detail, Does.Contain("limit_data"));
        });
    }
}
