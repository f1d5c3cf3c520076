using ApartiumChat.Testing;

namespace ApartiumChat.Server.Tests;

public sealed class HaTests
{
    private static readonly string[] HaCaps = ["message-tags", "server-time", "echo-message", "labeled-response", "batch", "draft/chathistory", "apartium.chat/ha"];

    [Test]
    public void Registration_WithHa_GivesAResumeTokenOf192Bits()
    {
        var cluster = new SimulatedCluster(1);
        cluster.Run(async () =>
        {
            await cluster.StartAllAsync();
            var ann = await cluster.RegisterAsync(0, "ann", HaCaps);

            var token = await ann.ExpectAsync(m => m.Command == "HA" && m.Param(0) == "TOKEN");

            Assert.That(token.Param(1), Does.Match("^[A-Za-z0-9_-]{32}$"));
        });
    }

    [Test]
    public void Resume_OnAnotherServer_TakesTheSessionOver_AndOthersSeeNothing()
    {
        var cluster = new SimulatedCluster(2);
        cluster.Run(async () =>
        {
            await cluster.StartAllAsync();
            var ann = await cluster.RegisterAsync(0, "ann", HaCaps);
            var token = await ann.ExpectTokenAsync();
            var bob = await cluster.RegisterAsync(1, "bob", HaCaps);
            foreach (var client in new[] { ann, bob })
            {
                await client.JoinAsync("#lobby");
            }

            var again = await ResumeAsync(cluster, 1, token);

            Assert.That((await again.ExpectAsync(m => m.Command == "001")).Param(0), Is.EqualTo("ann"));
            var join = await again.ExpectAsync(m => m.Command == "JOIN");
            Assert.That((join.Source, join.Param(0)), Is.EqualTo(("ann!~ann@127.0.0.1", "#lobby")));
            Assert.That((await again.ExpectAsync(m => m.Command == "353")).Param(3)!.Split(' '), Is.EquivalentTo(new[] { "@ann", "bob" }));
            var newToken = await again.ExpectAsync(m => m.Command == "HA" && m.Param(0) == "TOKEN");
            Assert.That(newToken.Param(1), Is.Not.EqualTo(token));
            var error = await ann.ExpectAsync(m => m.Command == "ERROR");
            Assert.That(error.Param(0), Does.Contain("Session resumed on another connection"));
            await ann.ExpectClosedAsync();

            await bob.SendAsync("PRIVMSG #lobby :welcome back");
            Assert.That((await again.ExpectAsync(m => m.Command == "PRIVMSG")).Param(1), Is.EqualTo("welcome back"));
            await cluster.SettleAsync();
            Assert.That(bob.Pending("QUIT").Concat(bob.Pending("JOIN")).Concat(bob.Pending("PART")), Is.Empty);
        });
    }

    [Test]
    public void Resume_WithAWrongOrUsedToken_IsRefused_AndGrantsNothing()
    {
        var cluster = new SimulatedCluster(2);
        cluster.Run(async () =>
        {
            await cluster.StartAllAsync();
            var ann = await cluster.RegisterAsync(0, "ann", HaCaps);
            var token = await ann.ExpectTokenAsync();

            var guesser = await ConnectWithCapsAsync(cluster, 1);
            await guesser.SendAsync("HA RESUME " + token[..^1] + (token[^1] == 'A' ? "B" : "A"));
            var refused = await guesser.ExpectAsync(m => m.Command == "FAIL");
            Assert.That(refused.Params.Take(2), Is.EqualTo(new[] { "HA", "INVALID_TOKEN" }));

            var first = await ResumeAsync(cluster, 1, token);
            var second = await first.ExpectTokenAsync();
            var moved = await ResumeAsync(cluster, 0, second); // the newest token used: every older one retires
            await moved.ExpectAsync(m => m.Command == "HA" && m.Param(0) == "TOKEN");
            var replay = await ConnectWithCapsAsync(cluster, 1);
            await replay.SendAsync("HA RESUME " + token);
            Assert.That((await replay.ExpectAsync(m => m.Command == "FAIL")).Param(1), Is.EqualTo("INVALID_TOKEN"));

            await guesser.SendAsync("NICK ann");
            Assert.That((await guesser.ExpectAsync(m => m.Command is "433" or "001")).Command, Is.EqualTo("433"), "the refused client did not get the nick");
        });
    }

    [Test]
    public void Resume_WhoseAnswerWasLost_CanBeRetriedWithTheSameToken()
    {
        var cluster = new SimulatedCluster(2);
        cluster.Run(async () =>
        {
            await cluster.StartAllAsync();
            var ann = await cluster.RegisterAsync(0, "ann", HaCaps);
            var token = await ann.ExpectTokenAsync();
            await cluster.Server(0).CrashAsync();

            // The resume succeeds on s1, but the connection dies before the client reads the new token.
            var lost = await ResumeAsync(cluster, 1, token);
            lost.Connection.Abort();
            await cluster.SettleAsync();

            var retry = await ResumeAsync(cluster, 1, token);
            Assert.That((await retry.ExpectAsync(m => m.Command == "001")).Param(0), Is.EqualTo("ann"));
            await retry.ExpectAsync(m => m.Command == "HA" && m.Param(0) == "TOKEN");
        });
    }

    [Test]
    public void ConnectionLoss_OfAnHaSession_DetachesIt_ThenItExpires()
    {
        var retention = TimeSpan.FromSeconds(30);
        var cluster = new SimulatedCluster(2, o => o with { Ha = o.Ha with { ResumeRetention = retention } });
        cluster.Run(async () =>
        {
            await cluster.StartAllAsync();
            var ann = await cluster.RegisterAsync(0, "ann", HaCaps);
            var bob = await cluster.RegisterAsync(1, "bob");
            foreach (var client in new[] { ann, bob })
            {
                await client.JoinAsync("#lobby");
            }

            ann.Connection.Abort();
            await cluster.SettleAsync(retention - TimeSpan.FromSeconds(1));
            Assert.That(bob.Pending("QUIT"), Is.Empty, "detached, not gone");
            await bob.SendAsync("WHOIS ann");
            Assert.That((await bob.ExpectAsync(m => m.Command == "312")).Param(3), Does.Contain("detached"));

            await cluster.SettleAsync(TimeSpan.FromSeconds(2));
            var quit = await bob.ExpectAsync(m => m.Command == "QUIT");
            Assert.That((quit.Source, quit.Param(0)), Is.EqualTo(("ann!~ann@127.0.0.1", "Session expired")));
        });
    }

    [Test]
    public void ConnectionLoss_OfAPlainSession_QuitsAtOnce()
    {
        var cluster = new SimulatedCluster(1);
        cluster.Run(async () =>
        {
            await cluster.StartAllAsync();
            var ann = await cluster.RegisterAsync(0, "ann");
            var bob = await cluster.RegisterAsync(0, "bob");
            foreach (var client in new[] { ann, bob })
            {
                await client.JoinAsync("#lobby");
            }

            ann.Connection.Abort();

            Assert.That((await bob.ExpectAsync(m => m.Command == "QUIT")).Param(0), Is.EqualTo("Connection reset by peer"));
        });
    }

    [Test]
    public void IdempotentRetry_OnAnotherServer_IsAnsweredWithTheOriginalMsgId_AndNotDeliveredTwice()
    {
        var cluster = new SimulatedCluster(2);
        cluster.Run(async () =>
        {
            await cluster.StartAllAsync();
            var ann = await cluster.RegisterAsync(0, "ann", HaCaps);
            var token = await ann.ExpectTokenAsync();
            var bob = await cluster.RegisterAsync(1, "bob", HaCaps);
            foreach (var client in new[] { ann, bob })
            {
                await client.JoinAsync("#lobby");
            }

            await ann.SendAsync("@label=a1;apartium.chat/idem=k-1 PRIVMSG #lobby :exactly once");
            var original = await ann.ExpectAsync(m => m.Command == "PRIVMSG");
            ann.Connection.Abort(); // the ack might have been lost: the client must retry
            var again = await ResumeAsync(cluster, 1, token);
            await again.ExpectAsync(m => m.Command == "HA" && m.Param(0) == "TOKEN");

            await again.SendAsync("@label=a2;apartium.chat/idem=k-1 PRIVMSG #lobby :exactly once");

            var ack = await again.ExpectAsync(m => m.Command == "PRIVMSG");
            Assert.That(ack.GetTag("msgid"), Is.EqualTo(original.GetTag("msgid")));
            Assert.That(ack.GetTag("time"), Is.EqualTo(original.GetTag("time")));
            Assert.That(ack.GetTag("label"), Is.EqualTo("a2"));
            Assert.That(ack.HasTag("apartium.chat/duplicate"), Is.True);
            await cluster.SettleAsync();
            var delivered = bob.Received.Where(m => m.Command == "PRIVMSG").ToList();
            Assert.That(delivered, Has.Count.EqualTo(1));
            Assert.That(delivered[0].HasTag("apartium.chat/idem"), Is.False, "the key is never relayed");
        });
    }

    [Test]
    public void IdempotencyKeys_AreScopedToTheSession()
    {
        var cluster = new SimulatedCluster(1);
        cluster.Run(async () =>
        {
            await cluster.StartAllAsync();
            var ann = await cluster.RegisterAsync(0, "ann", HaCaps);
            var eve = await cluster.RegisterAsync(0, "eve", HaCaps);
            var bob = await cluster.RegisterAsync(0, "bob");
            foreach (var client in new[] { ann, eve, bob })
            {
                await client.JoinAsync("#lobby");
            }

            await ann.SendAsync("@apartium.chat/idem=shared PRIVMSG #lobby :from ann");
            await bob.ExpectAsync(m => m.Command == "PRIVMSG");
            await eve.SendAsync("@apartium.chat/idem=shared PRIVMSG #lobby :from eve");

            Assert.That((await bob.ExpectAsync(m => m.Command == "PRIVMSG")).Param(1), Is.EqualTo("from eve"));
        });
    }

    [Test]
    public void IdempotencyKey_Invalid_IsRefused()
    {
        var cluster = new SimulatedCluster(1);
        cluster.Run(async () =>
        {
            await cluster.StartAllAsync();
            var ann = await cluster.RegisterAsync(0, "ann", HaCaps);

            await ann.SendAsync("@apartium.chat/idem=no\\sspaces PRIVMSG ann :x");

            var fail = await ann.ExpectAsync(m => m.Command == "FAIL");
            Assert.That(fail.Params.Take(2), Is.EqualTo(new[] { "HA", "INVALID_IDEMPOTENCY_KEY" }));
        });
    }

    [Test]
    public void ChatHistoryAfter_ReturnsExactlyTheMissedMessages_InOrder_Paged()
    {
        var cluster = new SimulatedCluster(2, o => o with { History = o.History with { MaxMessagesPerRequest = 4 } });
        cluster.Run(async () =>
        {
            await cluster.StartAllAsync();
            var ann = await cluster.RegisterAsync(0, "ann", HaCaps);
            var token = await ann.ExpectTokenAsync();
            var bob = await cluster.RegisterAsync(1, "bob", HaCaps);
            foreach (var client in new[] { ann, bob })
            {
                await client.JoinAsync("#lobby");
            }

            await bob.SendAsync("PRIVMSG #lobby :seen-1");
            var lastSeen = (await ann.ExpectAsync(m => m.Command == "PRIVMSG")).GetTag("msgid");
            ann.Connection.Abort();
            await cluster.SettleAsync();
            for (var i = 1; i <= 6; i++)
            {
                await bob.SendAsync($"PRIVMSG #lobby :missed-{i}");
            }

            await cluster.SettleAsync();
            var again = await ResumeAsync(cluster, 1, token);
            await again.ExpectAsync(m => m.Command == "HA" && m.Param(0) == "TOKEN");

            var recovered = new List<string>();
            var after = lastSeen;
            while (true)
            {
                await again.SendAsync($"CHATHISTORY AFTER #lobby msgid={after} 10");
                var start = await again.ExpectAsync(m => m.Command == "BATCH" && m.Params[0].StartsWith('+'));
                Assert.That(start.Params.Skip(1), Is.EqualTo(new[] { "chathistory", "#lobby" }));
                var page = new List<string>();
                while (true)
                {
                    var line = await again.ExpectAsync(m => m.Command is "PRIVMSG" or "BATCH");
                    if (line.Command == "BATCH")
                    {
                        break;
                    }

                    page.Add(line.Param(1)!);
                    after = line.GetTag("msgid");
                }

                recovered.AddRange(page);
                if (page.Count < 4)
                {
                    break;
                }
            }

            Assert.That(recovered, Is.EqualTo(Enumerable.Range(1, 6).Select(i => $"missed-{i}")));
        });
    }

    [Test]
    public void ChatHistory_LatestBeforeAndByTimestamp_Work_AndUnknownMsgIdFails()
    {
        var cluster = new SimulatedCluster(1);
        cluster.Run(async () =>
        {
            await cluster.StartAllAsync();
            var ann = await cluster.RegisterAsync(0, "ann", HaCaps);
            await ann.JoinAsync("#lobby");
            var times = new List<string>();
            for (var i = 1; i <= 5; i++)
            {
                await ann.SendAsync($"PRIVMSG #lobby :m{i}");
                times.Add((await ann.ExpectAsync(m => m.Command == "PRIVMSG")).GetTag("time")!);
                await cluster.SettleAsync(TimeSpan.FromSeconds(1));
            }

            Assert.That(await HistoryAsync(ann, "LATEST #lobby * 2"), Is.EqualTo(new[] { "m4", "m5" }));
            Assert.That(await HistoryAsync(ann, $"BEFORE #lobby timestamp={times[2]} 10"), Is.EqualTo(new[] { "m1", "m2" }));
            Assert.That(await HistoryAsync(ann, $"AFTER #lobby timestamp={times[2]} 10"), Is.EqualTo(new[] { "m4", "m5" }));

            await ann.SendAsync("CHATHISTORY AFTER #lobby msgid=nosuchid 10");
            Assert.That((await ann.ExpectAsync(m => m.Command == "FAIL")).Params.Take(2), Is.EqualTo(new[] { "CHATHISTORY", "MESSAGE_ERROR" }));
            await ann.SendAsync("CHATHISTORY AFTER #elsewhere * 10");
            Assert.That((await ann.ExpectAsync(m => m.Command == "FAIL")).Param(1), Is.EqualTo("INVALID_PARAMS"));
            await ann.SendAsync("CHATHISTORY LATEST #elsewhere * 10");
            Assert.That((await ann.ExpectAsync(m => m.Command == "FAIL")).Param(1), Is.EqualTo("INVALID_TARGET"));
        });
    }

    [Test]
    public void ChatMessages_CarryConsecutiveSequenceNumbersPerTarget_LiveAndInHistory()
    {
        var cluster = new SimulatedCluster(2);
        cluster.Run(async () =>
        {
            await cluster.StartAllAsync();
            var ann = await cluster.RegisterAsync(0, "ann", HaCaps);
            var bob = await cluster.RegisterAsync(1, "bob", HaCaps);
            await ann.JoinAsync("#a");
            await bob.JoinAsync("#a");
            await bob.JoinAsync("#b");

            await ann.SendAsync("PRIVMSG #a :a1");
            await bob.SendAsync("PRIVMSG #b :b1");
            await bob.SendAsync("PRIVMSG #a :a2");
            await ann.SendAsync("PRIVMSG bob :dm1");
            await ann.SendAsync("PRIVMSG #a :a3");
            await cluster.SettleAsync();

            var live = bob.Received.Where(m => m.Command == "PRIVMSG").ToList();
            string? Seq(string text) => live.Single(m => m.Param(1) == text).GetTag("apartium.chat/seq");
            Assert.That(new[] { Seq("a1"), Seq("a2"), Seq("a3") }, Is.EquivalentTo(new[] { "1", "2", "3" }), "#a counts from 1, whoever sends");
            Assert.That((Seq("b1"), Seq("dm1")), Is.EqualTo(("1", "1")), "every channel and conversation counts on its own");
            await bob.SendAsync("CHATHISTORY LATEST #a * 10");
            await bob.ExpectAsync(m => m.Command == "BATCH");
            var replayed = new List<string?>();
            while ((await bob.ExpectAsync(m => m.Command is "PRIVMSG" or "BATCH")) is { Command: "PRIVMSG" } m)
            {
                replayed.Add(m.GetTag("apartium.chat/seq"));
            }

            Assert.That(replayed, Is.EqualTo(new[] { "1", "2", "3" }));
        });
    }

    [Test]
    public void LiveDelivery_FollowsHistoryOrder_ForEveryMember()
    {
        var cluster = new SimulatedCluster(3);
        cluster.Run(async () =>
        {
            await cluster.StartAllAsync();
            var clients = new List<RawIrcClient>();
            for (var i = 0; i < 6; i++)
            {
                var client = await cluster.RegisterAsync(i % 3, $"u{i}", HaCaps);
                await client.JoinAsync("#lobby");
                clients.Add(client);
            }

            for (var round = 0; round < 5; round++)
            {
                foreach (var client in clients)
                {
                    await client.SendAsync($"PRIVMSG #lobby :r{round}");
                }
            }

            await cluster.SettleAsync(TimeSpan.FromSeconds(1));
            var history = await HistoryIdsAsync(clients[0], "LATEST #lobby * 100");
            Assert.That(history, Has.Count.EqualTo(30));
            foreach (var client in clients)
            {
                var seen = client.Received.Where(m => m.Command == "PRIVMSG" && m.GetTag("batch") is null).Select(m => m.GetTag("msgid")).ToList();
                Assert.That(seen, Is.EqualTo(history), "live order (echoes included) equals history order");
            }
        });
    }

    private static async Task<RawIrcClient> ConnectWithCapsAsync(SimulatedCluster cluster, int server)
    {
        var client = await cluster.ConnectAsync(server);
        await client.SendAsync("CAP LS 302");
        await client.SendAsync("CAP REQ :" + string.Join(' ', HaCaps));
        await client.ExpectAsync(m => m.Command == "CAP" && m.Param(1) == "ACK");
        return client;
    }

    private static async Task<RawIrcClient> ResumeAsync(SimulatedCluster cluster, int server, string token)
    {
        var client = await ConnectWithCapsAsync(cluster, server);
        await client.SendAsync("HA RESUME " + token);
        await client.ExpectAsync(m => m.Command == "HA" && m.Param(0) == "RESUMED");
        await client.SendAsync("CAP END");
        return client;
    }

    private static async Task<List<string>> HistoryAsync(RawIrcClient client, string query)
    {
        await client.SendAsync("CHATHISTORY " + query);
        await client.ExpectAsync(m => m.Command == "BATCH" && m.Params[0].StartsWith('+'));
        var texts = new List<string>();
        while ((await client.ExpectAsync(m => m.Command is "PRIVMSG" or "BATCH")) is { Command: "PRIVMSG" } message)
        {
            texts.Add(message.Param(1)!);
        }

        return texts;
    }

    private static async Task<List<string?>> HistoryIdsAsync(RawIrcClient client, string query)
    {
        await client.SendAsync("CHATHISTORY " + query);
        await client.ExpectAsync(m => m.Command == "BATCH" && m.Params[0].StartsWith('+'));
        var ids = new List<string?>();
        while ((await client.ExpectAsync(m => m.Command is "PRIVMSG" or "BATCH")) is { Command: "PRIVMSG" } message)
        {
            ids.Add(message.GetTag("msgid"));
        }

        return ids;
    }
}
