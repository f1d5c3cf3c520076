using System.Net;
using ApartiumChat.Client.Events;
using ApartiumChat.Client.Tests.Support;
using ApartiumChat.Transport.Simulation;

namespace ApartiumChat.Client.Tests;

/// <summary>Against IRC servers without the HA extensions the client still fails over and rejoins, and says what it cannot do.</summary>
public sealed class PlainServerTests
{
    [Test]
    public void PlainServers_FailoverRejoinsTheChannels_AndSaysItCannotResumeOrDeduplicate()
    {
        var loop = new SimulationLoop();
        var network = new InMemoryNetwork();
        var p0 = new PlainIrcServer(network, new DnsEndPoint("p0", 6667), "p0.plain");
        var p1 = new PlainIrcServer(network, new DnsEndPoint("p1", 6667), "p1.plain");
        HaClientOptions Options(string nick, params string[] order) => HaClientOptions.Default with
        {
            Servers = [.. order.Select(id => new ServerEntry(id, new DnsEndPoint(id, 6667)))],
            Nick = nick,
            Channels = ["#lobby"],
            HeartbeatInterval = TimeSpan.FromMilliseconds(100),
            HeartbeatTimeout = TimeSpan.FromMilliseconds(300),
            ConnectTimeout = TimeSpan.FromMilliseconds(500),
            ReconnectBase = TimeSpan.FromMilliseconds(50),
            ReconnectCap = TimeSpan.FromSeconds(1),
        };

        loop.Run(async () =>
        {
            await p0.StartAsync();
            await p1.StartAsync();
            var ann = new HaClient(Options("ann", "p0", "p1") with { Failback = false }, network, loop.Time, new Random(1));
            var bob = new HaClient(Options("bob", "p1"), network, loop.Time, new Random(2));
            using var annLog = new EventLog(ann, loop.Time);
            using var bobLog = new EventLog(bob, loop.Time);
            await ann.StartAsync();
            await bob.StartAsync();
            await ann.WhenConnectedAsync();
            await bob.WhenConnectedAsync();

            var first = annLog.Of<Connected>().Single();
            Assert.That(first.Limitations, Does.Contain("cannot be resumed").And.Contain("delivered twice").And.Contain("cannot be recovered"));
            var acked = await ann.SendAsync("#lobby", "on p0, nobody hears");
            Assert.That(acked.MsgId, Is.Null, "acknowledged by a PING answered after it");

            await p0.CrashAsync();
            var moved = await annLog.WaitFor<Connected>(c => c.ServerId == "p1");
            await ann.SendAsync("#lobby", "hello from p1");

            Assert.That((moved.Kind, moved.Channels.Single()), Is.EqualTo((RegistrationKind.Reregistered, "#lobby")));
            Assert.That(annLog.Of<FailedOver>().Single().ToServerId, Is.EqualTo("p1"));
            var replay = await annLog.WaitFor<HistoryReplayed>();
            Assert.That(replay.Outcome, Is.EqualTo(HistoryOutcome.Unavailable));
            Assert.That((await annLog.WaitFor<RecoveryCompleted>()).HistoryComplete, Is.False);
            var heard = await bobLog.WaitFor<MessageReceived>();
            Assert.That((heard.Sender, heard.Text, heard.MsgId), Is.EqualTo(("ann", "hello from p1", (string?)null)));

            await bob.SendAsync("#lobby", "welcome");
            Assert.That((await annLog.WaitFor<MessageReceived>()).Text, Is.EqualTo("welcome"));
            await ann.StopAsync();
            await bob.StopAsync();
            await p1.CrashAsync();
        }, TimeSpan.FromMinutes(5));
    }
}
