using System.Net;
using ApartiumChat.Transport.Simulation;

namespace ApartiumChat.Transport.Tests.Simulation;

public sealed class InMemoryNetworkTests : ConnectionContract
{
    private InMemoryNetwork _network = null!;

    protected override IConnectionListenerFactory Listeners => _network;

    protected override IConnectionFactory Connector => _network;

    protected override EndPoint AnyAddress => new IPEndPoint(IPAddress.Loopback, 0);

    [SetUp]
    public void CreateNetwork() => _network = new InMemoryNetwork();

    protected override void Run(Func<Task> body) => new SimulationLoop().Run(body, TimeSpan.FromMinutes(1));

    [Test]
    public void Connect_CompletesEvenWhileNobodyAccepts_LikeABacklog()
    {
        Run(async () =>
        {
            await using var listener = await _network.BindAsync(new DnsEndPoint("s0", 6667));

            await using var client = await _network.ConnectAsync(new DnsEndPoint("s0", 6667));

            Assert.That(client.RemoteEndPoint.ToString(), Does.Contain("s0"));
        });
    }

    [Test]
    public void ConnectionIds_AreAssignedInOrder()
    {
        Run(async () =>
        {
            await using var listener = await _network.BindAsync(AnyAddress);
            await using var a = await _network.ConnectAsync(listener.EndPoint);
            await using var b = await _network.ConnectAsync(listener.EndPoint);

            Assert.That(new[] { a.Id, b.Id }, Is.EqualTo(new long[] { 1, 2 }));
        });
    }
}
