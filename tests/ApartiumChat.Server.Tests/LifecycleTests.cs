using ApartiumChat.Server.Node;
using ApartiumChat.Testing;

namespace ApartiumChat.Server.Tests;

public sealed class LifecycleTests
{
    private static readonly string[] HaCaps = ["message-tags", "server-time", "echo-message", "batch", "draft/chathistory", "apartium.chat/ha"];

    [Test]
    public void HungNode_ServesNothing_ButNeverBlocksTheOthers_AndCarriesOnAfterwards()
    {
        var cluster = new SimulatedCluster(2);
        cluster.Run(async () =>
        {
            await cluster.StartAllAsync();
            var ann = await cluster.RegisterAsync(0, "ann");
            var bob = await cluster.RegisterAsync(1, "bob");
            var cat = await cluster.RegisterAsync(1, "cat");
            foreach (var client in new[] { ann, bob, cat })
            {
                await client.JoinAsync("#lobby");
            }

            cluster.Server(0).Hang();
            await ann.SendAsync("PING :during-hang");
            var latecomer = await cluster.ConnectAsync(0); // the handshake completes: a hung process's backlog
            await latecomer.SendAsync("PING :hello?");
            await bob.SendAsync("PRIVMSG #lobby :s1 carries on");

            Assert.That((await cat.ExpectAsync(m => m.Command == "PRIVMSG")).Param(1), Is.EqualTo("s1 carries on"));
            await cluster.SettleAsync(TimeSpan.FromSeconds(5));
            Assert.That(ann.Pending("PONG").Concat(ann.Pending("PRIVMSG")), Is.Empty, "a hung node answers nothing");
            Assert.That(latecomer.Received, Is.Empty);
            Assert.That(cluster.Server(0).State, Is.EqualTo(ServerState.Hung));

            cluster.Server(0).Unhang();
            await latecomer.ExpectAsync(m => m.Command == "PONG");
            await cluster.SettleAsync();
            Assert.That(ann.Received.Any(m => m.Command == "PONG" && m.Param(1) == "during-hang"), Is.True);
            Assert.That(ann.Received.Any(m => m.Command == "PRIVMSG" && m.Param(1) == "s1 carries on"), Is.True);
        });
    }

    [Test]
    public void Crash_ResetsEveryConnection_AndHaSessionsResumeOnAnotherNode()
    {
        var cluster = new SimulatedCluster(2);
        cluster.Run(async () =>
        {
            await cluster.StartAllAsync();
            var ann = await cluster.RegisterAsync(0, "ann", HaCaps);
            var token = await ann.ExpectTokenAsync();
            var plain = await cluster.RegisterAsync(0, "plain");
            var bob = await cluster.RegisterAsync(1, "bob");
            foreach (var client in new[] { ann, plain, bob })
            {
                await client.JoinAsync("#lobby");
            }

            await cluster.Server(0).CrashAsync();

            await ann.ExpectClosedAsync();
            Assert.That(ann.CloseError, Is.InstanceOf<Transport.ConnectionResetException>());
            var quit = await bob.ExpectAsync(m => m.Command == "QUIT");
            Assert.That(quit.Source, Does.StartWith("plain!"), "plain sessions end; the HA one waits");
            Assert.That(() => cluster.ConnectAsync(0), Throws.InstanceOf<System.Net.Sockets.SocketException>());

            var again = await cluster.ConnectAsync(1);
            await again.SendAsync("CAP REQ :" + string.Join(' ', HaCaps));
            await again.SendAsync("HA RESUME " + token);
            await again.SendAsync("CAP END");
            Assert.That((await again.ExpectAsync(m => m.Command == "001")).Param(0), Is.EqualTo("ann"));
            await again.ExpectAsync(m => m.Command == "JOIN" && m.Param(0) == "#lobby");
        });
    }

    [Test]
    public void Restart_AfterACrash_BindsTheSameAddress()
    {
        var cluster = new SimulatedCluster(1);
        cluster.Run(async () =>
        {
            await cluster.StartAllAsync();
            await cluster.Server(0).CrashAsync();

            await cluster.StartAsync(0);

            var ann = await cluster.RegisterAsync(0, "ann");
            Assert.That(ann.IsClosed, Is.False);
        });
    }

    [Test]
    public void Shutdown_TellsHaClientsToMove_OthersByNotice_ThenClosesAfterTheGrace()
    {
        var grace = TimeSpan.FromSeconds(3);
        var cluster = new SimulatedCluster(2, o => o with { Ha = o.Ha with { ShutdownGrace = grace } });
        cluster.Run(async () =>
        {
            await cluster.StartAllAsync();
            var ann = await cluster.RegisterAsync(0, "ann", HaCaps);
            var plain = await cluster.RegisterAsync(0, "plain");
            var bob = await cluster.RegisterAsync(1, "bob");
            foreach (var client in new[] { ann, plain, bob })
            {
                await client.JoinAsync("#lobby");
            }

            var start = cluster.Time.Elapsed;
            var stopping = cluster.Server(0).ShutdownAsync();

            var move = await ann.ExpectAsync(m => m.Command == "HA" && m.Param(0) == "MOVE");
            Assert.That(move.Params, Is.EqualTo(new[] { "MOVE", "3", "Server shutting down" }));
            Assert.That((await plain.ExpectAsync(m => m.Command == "NOTICE")).Param(1), Does.Contain("Server shutting down"));
            await stopping;
            Assert.That(cluster.Time.Elapsed - start, Is.EqualTo(grace).Within(TimeSpan.FromMilliseconds(100)));
            Assert.That((await ann.ExpectAsync(m => m.Command == "ERROR")).Param(0), Does.Contain("Server shutting down"));
            await ann.ExpectClosedAsync();
            await plain.ExpectClosedAsync();
            Assert.That((await bob.ExpectAsync(m => m.Command == "QUIT")).Source, Does.StartWith("plain!"));
            await bob.SendAsync("WHOIS ann");
            Assert.That((await bob.ExpectAsync(m => m.Command == "312")).Param(3), Does.Contain("detached"), "the HA session waits to be resumed");
        });
    }

    [Test]
    public void Shutdown_EndsEarly_OnceEveryClientHasLeft()
    {
        var cluster = new SimulatedCluster(1, o => o with { Ha = o.Ha with { ShutdownGrace = TimeSpan.FromSeconds(30) } });
        cluster.Run(async () =>
        {
            await cluster.StartAllAsync();
            var ann = await cluster.RegisterAsync(0, "ann", HaCaps);
            var start = cluster.Time.Elapsed;
            var stopping = cluster.Server(0).ShutdownAsync();
            await ann.ExpectAsync(m => m.Command == "HA" && m.Param(0) == "MOVE");

            await cluster.SettleAsync(TimeSpan.FromSeconds(1));
            await ann.DisposeAsync(); // the client moved away
            await stopping;

            Assert.That(cluster.Time.Elapsed - start, Is.LessThan(TimeSpan.FromSeconds(2)));
        });
    }
}
