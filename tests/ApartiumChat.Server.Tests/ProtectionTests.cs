using System.Text;
using ApartiumChat.Testing;

namespace ApartiumChat.Server.Tests;

public sealed class ProtectionTests
{
    [Test]
    public void ClientThatStopsReading_IsDropped_WhileOthersKeepReceiving()
    {
        var cluster = new SimulatedCluster(1, o => o with { Limits = o.Limits with { SendQueueBytes = 64 * 1024, FloodLinesPerSecond = 0 } });
        cluster.Run(async () =>
        {
            await cluster.StartAllAsync();
            var sender = await cluster.RegisterAsync(0, "sender");
            var reader = await cluster.RegisterAsync(0, "reader");
            var stalled = await cluster.RegisterAsync(0, "stalled");
            foreach (var client in new[] { sender, reader, stalled })
            {
                await client.JoinAsync("#flood");
            }

            // 'stalled' never reads again: its pipe (64 KiB) and then its send queue fill up.
            await stalled.Connection.Transport.Input.CompleteAsync();
            // 2000 lines of ~340 bytes (680 KB) in bursts of 100 (34 KB): a reader keeps up
            // with every burst; the stalled one overflows its pipe and then its 64 KB queue.
            var line = new string('x', 300);
            for (var i = 0; i < 2000; i++)
            {
                await sender.SendAsync($"PRIVMSG #flood :{i} {line}");
                if (i % 100 == 99)
                {
                    await cluster.SettleAsync();
                }
            }

            await reader.ExpectAsync(m => m.Command == "PRIVMSG" && m.Param(1)!.StartsWith("1999 ", StringComparison.Ordinal), TimeSpan.FromMinutes(1));
            Assert.That(reader.Received.Count(m => m.Command == "PRIVMSG"), Is.EqualTo(2000), "the reader lost nothing");
            var quit = reader.Received.Single(m => m.Command == "QUIT");
            Assert.That((quit.Source, quit.Param(0)), Is.EqualTo(("stalled!~stalled@127.0.0.1", "send queue full (client not reading)")));
        });
    }

    [Test]
    public void Registration_NotCompleted_ClosesAfterTheRegistrationTimeout()
    {
        var timeout = TimeSpan.FromSeconds(20);
        var cluster = new SimulatedCluster(1, o => o with { Limits = o.Limits with { RegistrationTimeout = timeout } });
        cluster.Run(async () =>
        {
            await cluster.StartAllAsync();
            var start = cluster.Time.Elapsed;
            var silent = await cluster.ConnectAsync(0);

            await cluster.SettleAsync(timeout - TimeSpan.FromMilliseconds(100));
            Assert.That(silent.IsClosed, Is.False);
            await silent.ExpectClosedAsync();

            Assert.That(cluster.Time.Elapsed - start, Is.EqualTo(timeout).Within(TimeSpan.FromMilliseconds(100)));
            Assert.That(silent.Received[^1].Param(0), Does.Contain("Registration timeout"));
        });
    }

    [Test]
    public void SilentClient_IsPinged_ThenDropped_AndItsNickFreed()
    {
        var interval = TimeSpan.FromSeconds(30);
        var pingTimeout = TimeSpan.FromSeconds(15);
        var cluster = new SimulatedCluster(1, o => o with { Limits = o.Limits with { PingInterval = interval, PingTimeout = pingTimeout } });
        cluster.Run(async () =>
        {
            await cluster.StartAllAsync();
            var ann = await cluster.RegisterAsync(0, "ann");
            var heardAt = cluster.Time.Elapsed;

            var ping = await ann.ExpectAsync(m => m.Command == "PING", TimeSpan.FromMinutes(1));
            Assert.That(cluster.Time.Elapsed - heardAt, Is.EqualTo(interval).Within(TimeSpan.FromMilliseconds(100)));
            Assert.That(ping.Param(0), Is.EqualTo("s0.apartium"));

            await ann.ExpectClosedAsync(TimeSpan.FromMinutes(1));
            Assert.That(cluster.Time.Elapsed - heardAt, Is.EqualTo(interval + pingTimeout).Within(TimeSpan.FromMilliseconds(100)));
            Assert.That(ann.Received[^1].Param(0), Does.Contain("Ping timeout"));
            var again = await cluster.RegisterAsync(0, "ann");
            Assert.That(again.IsClosed, Is.False, "the nick is free again");
        });
    }

    [Test]
    public void ClientAnsweringPings_StaysConnected()
    {
        var cluster = new SimulatedCluster(1, o => o with { Limits = o.Limits with { PingInterval = TimeSpan.FromSeconds(10), PingTimeout = TimeSpan.FromSeconds(5) } });
        cluster.Run(async () =>
        {
            await cluster.StartAllAsync();
            var ann = await cluster.RegisterAsync(0, "ann");

            for (var i = 0; i < 5; i++)
            {
                var ping = await ann.ExpectAsync(m => m.Command == "PING", TimeSpan.FromMinutes(1));
                await ann.SendAsync("PONG :" + ping.Param(0));
            }

            Assert.That(ann.IsClosed, Is.False);
        });
    }

    [Test]
    public void FloodingClient_IsThrottled_ThenDisconnected_OthersUnaffected()
    {
        var cluster = new SimulatedCluster(1, o => o with { Limits = o.Limits with { FloodBurstLines = 5, FloodLinesPerSecond = 2, FloodMaxQueuedBytes = 9000 } });
        cluster.Run(async () =>
        {
            await cluster.StartAllAsync();
            var flooder = await cluster.RegisterAsync(0, "flooder");
            var bob = await cluster.RegisterAsync(0, "bob");
            await cluster.SettleAsync(TimeSpan.FromSeconds(10)); // refill the bucket after registering

            var start = cluster.Time.Elapsed;
            for (var i = 0; i < 9; i++)
            {
                await flooder.SendAsync($"PING :p{i}");
            }

            await flooder.ExpectAsync(m => m.Command == "PONG" && m.Param(1) == "p8", TimeSpan.FromSeconds(30));
            Assert.That(cluster.Time.Elapsed - start, Is.EqualTo(TimeSpan.FromSeconds(2)).Within(TimeSpan.FromMilliseconds(100)), "5 at once, then 2 per second");

            var junk = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("PING :flood flood flood flood flood\r\n", 400)));
            await flooder.SendBytesAsync(junk);
            await flooder.ExpectClosedAsync(TimeSpan.FromSeconds(30));
            Assert.That(flooder.Received[^1].Param(0), Does.Contain("Excess flood"));

            await bob.SendAsync("PING :still-fine");
            await bob.ExpectAsync(m => m.Command == "PONG");
        });
    }

    [Test]
    public void ThrottledClient_SendingMoreWhileWaiting_IsServedAtTheRate_NothingLostOrEarly()
    {
        // Bytes that arrive while a client is throttled wake the read loop; they must wait their
        // turn (not be handled at once), and the timer's wake-up must still come.
        var cluster = new SimulatedCluster(1, o => o with { Limits = o.Limits with { FloodBurstLines = 5, FloodLinesPerSecond = 2 } });
        cluster.Run(async () =>
        {
            await cluster.StartAllAsync();
            var flooder = await cluster.RegisterAsync(0, "flooder");
            await cluster.SettleAsync(TimeSpan.FromSeconds(10)); // refill the bucket after registering

            var start = cluster.Time.Elapsed;
            for (var i = 0; i < 9; i++)
            {
                await flooder.SendAsync($"PING :p{i}");
            }

            await cluster.SettleAsync(TimeSpan.FromMilliseconds(700)); // throttled by now: 5 answered
            for (var i = 9; i < 12; i++)
            {
                await flooder.SendAsync($"PING :p{i}");
            }

            await flooder.ExpectAsync(m => m.Command == "PONG" && m.Param(1) == "p11", TimeSpan.FromSeconds(30));
            Assert.That(cluster.Time.Elapsed - start, Is.EqualTo(TimeSpan.FromSeconds(3.5)).Within(TimeSpan.FromMilliseconds(100)), "5 at once, then 2 per second");
            var pongs = flooder.Received.Where(m => m.Command == "PONG").Select(m => m.Param(1)).ToList();
            Assert.That(pongs, Is.EqualTo(Enumerable.Range(0, 12).Select(i => $"p{i}")), "every line answered once, in order");
        });
    }

    [Test]
    public void FloodThrottle_WithWaitsUnderAMillisecond_StillLetsTimePass()
    {
        var cluster = new SimulatedCluster(1); // default limits: burst 30, 20 lines/s
        cluster.RunOrFail(async () =>
        {
            await cluster.StartAllAsync();
            var bob = await cluster.RegisterAsync(0, "bob");
            var cat = await cluster.RegisterAsync(0, "cat");
            foreach (var client in new[] { bob, cat })
            {
                await client.JoinAsync("#lobby");
            }

            for (var i = 0; i < 60; i++)
            {
                await bob.SendAsync($"PRIVMSG #lobby :bob-{i}");
                await Task.Delay(TimeSpan.FromMilliseconds(5), cluster.Time);
            }

            await cat.ExpectAsync(m => m.Command == "PRIVMSG" && m.Param(1) == "bob-59", TimeSpan.FromSeconds(30));
        }, TimeSpan.FromSeconds(60));
    }

    [Test]
    public void LineTooLong_GetsInputTooLong_AndTheConnectionCarriesOn()
    {
        var cluster = new SimulatedCluster(1);
        cluster.Run(async () =>
        {
            await cluster.StartAllAsync();
            var ann = await cluster.RegisterAsync(0, "ann");

            await ann.SendAsync("PRIVMSG ann :" + new string('y', 600));
            await ann.ExpectAsync(m => m.Command == "417");
            await ann.SendAsync("@" + new string('t', 9000) + " PING :x");
            await ann.ExpectAsync(m => m.Command == "417");

            await ann.SendAsync("PING :after");
            Assert.That((await ann.ExpectAsync(m => m.Command == "PONG")).Param(1), Is.EqualTo("after"));
        });
    }

    [Test]
    public void HugeLineWithoutNewline_CostsBoundedMemory_AndIsRefused()
    {
        var cluster = new SimulatedCluster(1, o => o with { Limits = o.Limits with { FloodLinesPerSecond = 0 } });
        cluster.Run(async () =>
        {
            await cluster.StartAllAsync();
            var ann = await cluster.RegisterAsync(0, "ann");

            var chunk = Encoding.ASCII.GetBytes(new string('z', 64 * 1024));
            for (var i = 0; i < 160; i++)
            {
                await ann.SendBytesAsync(chunk); // 10 MiB, no newline
            }

            await ann.SendAsync(string.Empty);
            await ann.ExpectAsync(m => m.Command == "417");
            await ann.SendAsync("PING :survived");
            await ann.ExpectAsync(m => m.Command == "PONG");
        });
    }

    [Test]
    public void BinaryGarbage_NulAndInvalidUtf8_GetErrors_NotACrash()
    {
        var cluster = new SimulatedCluster(1);
        cluster.Run(async () =>
        {
            await cluster.StartAllAsync();
            var ann = await cluster.RegisterAsync(0, "ann");
            var bob = await cluster.RegisterAsync(0, "bob");

            await ann.SendBytesAsync([.. "PRIVMSG bob :caf"u8, 0xC3, 0x28, .. "\r\n"u8]);
            var invalid = await ann.ExpectAsync(m => m.Command == "FAIL");
            Assert.That(invalid.Param(1), Is.EqualTo("INVALID_UTF8"));
            await ann.SendBytesAsync([.. "PRIVMSG bob :a"u8, 0, .. "b\r\n"u8]);
            Assert.That((await ann.ExpectAsync(m => m.Command == "FAIL")).Param(1), Is.EqualTo("INVALID_MESSAGE"));
            var random = new Random(7);
            var garbage = new byte[20_000];
            random.NextBytes(garbage);
            await ann.SendBytesAsync(garbage);
            await ann.SendAsync(string.Empty);

            await ann.SendAsync("PRIVMSG bob :still talking");
            Assert.That((await bob.ExpectAsync(m => m.Command == "PRIVMSG")).Param(1), Is.EqualTo("still talking"));
            Assert.That(bob.Received.Count(m => m.Command == "PRIVMSG"), Is.EqualTo(1), "nothing invalid was relayed");
        });
    }

    [Test]
    public void OverTheConnectionLimit_AClientGetsErrorAndIsClosed()
    {
        var cluster = new SimulatedCluster(1, o => o with { Limits = o.Limits with { MaxConnections = 2 } });
        cluster.Run(async () =>
        {
            await cluster.StartAllAsync();
            await cluster.RegisterAsync(0, "a");
            await cluster.RegisterAsync(0, "b");

            var third = await cluster.ConnectAsync(0);

            var error = await third.ExpectAsync(m => m.Command == "ERROR");
            Assert.That(error.Param(0), Does.Contain("too many connections"));
            await third.ExpectClosedAsync();
        });
    }

    [Test]
    public void UnknownCommand_Gets421()
    {
        var cluster = new SimulatedCluster(1);
        cluster.Run(async () =>
        {
            await cluster.StartAllAsync();
            var ann = await cluster.RegisterAsync(0, "ann");

            await ann.SendAsync("FROBNICATE now");

            Assert.That((await ann.ExpectAsync(m => m.Command == "421")).Param(1), Is.EqualTo("FROBNICATE"));
        });
    }
}
