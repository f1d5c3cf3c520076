using System.Net;

namespace ApartiumChat.Client.Tests;

public sealed class OptionsTests
{
    [Test]
    public void Default_WithServersAndNick_IsValid()
    {
        var options = HaClientOptions.Default with { Servers = [new ServerEntry("s0", new DnsEndPoint("localhost", 6667))], Nick = "ann" };

        Assert.That(options.Validate(), Is.Empty);
        Assert.That((options.HeartbeatInterval, options.HeartbeatTimeout), Is.EqualTo((TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3))));
        Assert.That(options.EffectiveClientId, Is.EqualTo("ann"));
    }

    [Test]
    public void Validate_ReportsEveryProblemAtOnce()
    {
        var options = HaClientOptions.Default with
        {
            Servers = [new ServerEntry("s0", new DnsEndPoint("a", 1)), new ServerEntry("s0", new DnsEndPoint("b", 1))],
            Nick = "9lives",
            Channels = ["lobby"],
            HeartbeatInterval = TimeSpan.FromSeconds(2),
            HeartbeatTimeout = TimeSpan.FromSeconds(1),
            ReconnectBase = TimeSpan.FromSeconds(5),
            ReconnectCap = TimeSpan.FromSeconds(1),
            OutboxCapacity = 0,
            SendTimeout = TimeSpan.Zero,
        };

        var problems = options.Validate();

        Assert.That(problems, Has.Count.EqualTo(7));
        Assert.That(string.Join("\n", problems), Does.Contain("Nick").And.Contains("'s0' appears twice").And.Contains("'lobby'")
            .And.Contains("HeartbeatTimeout").And.Contains("ReconnectCap").And.Contains("OutboxCapacity").And.Contains("SendTimeout"));
        var thrown = Assert.Throws<ArgumentException>(() => options.ThrowIfInvalid());
        Assert.That(thrown!.Message, Does.Contain("OutboxCapacity"));
    }

    [Test]
    public void Client_RefusesInvalidOptions_WhenBuilt()
    {
        Assert.Throws<ArgumentException>(() => _ = new HaClient(HaClientOptions.Default, new Transport.Tcp.TcpTransport(), TimeProvider.System, new Random(1)));
    }
}
