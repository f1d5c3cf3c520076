using System.Net;
using ApartiumChat.Client.Events;
using ApartiumChat.Client.Tests.Support;
using ApartiumChat.Server.Cluster;
using ApartiumChat.Server.Node;
using ApartiumChat.Server.Options;
using ApartiumChat.Transport;
using ApartiumChat.Transport.Tcp;

namespace ApartiumChat.Client.Tests.Tcp;

/// <summary>The whole promise over real loopback sockets and real time. Generous bounds.</summary>
[Category("Tcp")]
public sealed class LoopbackFailoverTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Test]
    public async Task PrimaryKilled_WhileChatting_ClientMovesToTheSecondary_AndTheOtherSeesEveryMessageOnce()
    {
        var transport = new TcpTransport();
        var options = IrcServerOptions.Default;
        var bus = new InProcessClusterBus(options, TimeProvider.System, new SecureRandom());
        var servers = new List<IrcServer>();
        for (var i = 0; i < 3; i++)
        {
            var server = new IrcServer(options with { ServerName = $"s{i}.test" }, bus, transport, TimeProvider.System);
            await server.StartAsync([new ServerEndpoint(new IPEndPoint(IPAddress.Loopback, 0))]);
            servers.Add(server);
        }

        HaClientOptions Options(string nick, params int[] order) => HaClientOptions.Default with
        {
            Servers = [.. order.Select(i => new ServerEntry($"s{i}", servers[i].EndPoints[0]))],
            Nick = nick,
            Channels = ["#tcp"],
            HeartbeatInterval = TimeSpan.FromMilliseconds(200),
            HeartbeatTimeout = TimeSpan.FromMilliseconds(1000),
            ReconnectBase = TimeSpan.FromMilliseconds(50),
            ReconnectCap = TimeSpan.FromSeconds(1),
            Failback = false,
        };

        await using var ann = new HaClient(Options("ann", 0, 1, 2), transport, TimeProvider.System, SynchronizedRandom.FromSeed(1));
        await using var bob = new HaClient(Options("bob", 1, 2, 0), transport, TimeProvider.System, SynchronizedRandom.FromSeed(2));
        using var annLog = new EventLog(ann, TimeProvider.System);
        using var bobLog = new EventLog(bob, TimeProvider.System);
        try
        {
            await ann.StartAsync();
            await bob.StartAsync();
            await ann.WhenConnectedAsync().WaitAsync(Bound);
            await bob.WhenConnectedAsync().WaitAsync(Bound);

            for (var i = 1; i <= 100; i++)
            {
                ann.Post("#tcp", $"ann-{i}");
                if (i == 40)
                {
                    await servers[0].CrashAsync();
                }

                await Task.Delay(10);
            }

            await annLog.WaitFor<FailedOver>(timeout: Bound);
            var deadline = DateTime.UtcNow + Bound;
            while (ann.OutboxCount > 0 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }

            await Task.Delay(500);

            Assert.That(ann.CurrentServer!.Id, Is.EqualTo("s1"));
            Assert.That(ann.OutboxCount, Is.Zero);
            var dead = annLog.Of<ServerDeclaredDead>().Single();
            Assert.That((dead.ServerId, dead.Reason), Is.EqualTo(("s0", DeathReason.SocketError)));
            Assert.That(annLog.Of<Connected>().Last().Kind, Is.EqualTo(RegistrationKind.Resumed));
            ClientHarness.AssertExactlyOnceInOrder(bobLog, "ann", 100, "#tcp");
            Assert.That(annLog.Of<MessageFailed>(), Is.Empty);
        }
        finally
        {
            await ann.StopAsync();
            await bob.StopAsync();
            foreach (var server in servers)
            {
                await server.DisposeAsync();
            }
        }
    }
}
