using ApartiumChat.Testing;

namespace ApartiumChat.Server.Tests;

public sealed class ChannelTests
{
    private static readonly string[] Caps = ["message-tags", "server-time", "echo-message", "labeled-response", "batch", "draft/chathistory"];

    [Test]
    public void Privmsg_ToAChannel_ReachesMembersOnEveryServer_WithMsgIdAndTime()
    {
        var cluster = new SimulatedCluster(2);
        cluster.Run(async () =>
        {
            await cluster.StartAllAsync();
            var ann = await cluster.RegisterAsync(0, "ann", Caps);
            var bob = await cluster.RegisterAsync(1, "bob", Caps);
            var cat = await cluster.RegisterAsync(1, "cat");
            await ann.JoinAsync("#lobby");
            await bob.JoinAsync("#lobby");
            await cat.JoinAsync("#Lobby");

            await ann.SendAsync("PRIVMSG #lobby :hello, cluster");

            var atBob = await bob.ExpectAsync(m => m.Command == "PRIVMSG");
            var atCat = await cat.ExpectAsync(m => m.Command == "PRIVMSG");
            var echo = await ann.ExpectAsync(m => m.Command == "PRIVMSG");
            Assert.That(atBob.Source, Does.StartWith("ann!"));
            Assert.That(atBob.Params, Is.EqualTo(new[] { "#lobby", "hello, cluster" }));
            Assert.That(atBob.GetTag("msgid"), Has.Length.EqualTo(26));
            Assert.That(atBob.GetTag("time"), Does.EndWith("Z"));
            Assert.That(echo.GetTag("msgid"), Is.EqualTo(atBob.GetTag("msgid")), "the echo carries the same msgid");
            Assert.That(atCat.Tags, Is.Empty, "no tags for a client without message-tags");
            Assert.That(atCat.Params[1], Is.EqualTo("hello, cluster"));
        });
    }

    [Test]
    public void Join_SendsJoinTopicAndNames_AndOthersSeeTheJoin()
    {
        var cluster = new SimulatedCluster(2);
        cluster.Run(async () =>
        {
            await cluster.StartAllAsync();
            var ann = await cluster.RegisterAsync(0, "ann");
            var bob = await cluster.RegisterAsync(1, "bob");
            await ann.JoinAsync("#lobby");
            await ann.SendAsync("TOPIC #lobby :Failover drills at noon");
            await ann.ExpectAsync(m => m.Command == "TOPIC");

            await bob.SendAsync("JOIN #lobby");

            var join = await bob.ExpectAsync(m => m.Command == "JOIN");
            Assert.That(join.Source, Does.StartWith("bob!"));
            Assert.That((await bob.ExpectAsync(m => m.Command == "332")).Param(2), Is.EqualTo("Failover drills at noon"));
            Assert.That((await bob.ExpectAsync(m => m.Command == "353")).Param(3)!.Split(' '), Is.EquivalentTo(new[] { "@ann", "bob" }));
            await bob.ExpectAsync(m => m.Command == "366");
            Assert.That((await ann.ExpectAsync(m => m.Command == "JOIN")).Source, Does.StartWith("bob!"));
        });
    }

    [Test]
    public void Part_And_Quit_AreSeenByTheOtherMembers()
    {
        var cluster = new SimulatedCluster(2);
        cluster.Run(async () =>
        {
            await cluster.StartAllAsync();
            var ann = await cluster.RegisterAsync(0, "ann");
            var bob = await cluster.RegisterAsync(1, "bob");
            foreach (var client in new[] { ann, bob })
            {
                await client.SendAsync("JOIN #a,#b");
                await client.ExpectAsync(m => m.Command == "366" && m.Param(1) == "#b");
            }

            await bob.SendAsync("PART #a :bye a");
            var part = await ann.ExpectAsync(m => m.Command == "PART");
            Assert.That(part.Params, Is.EqualTo(new[] { "#a", "bye a" }));

            await bob.SendAsync("QUIT :off to lunch");
            var quit = await ann.ExpectAsync(m => m.Command == "QUIT");
            Assert.That(quit.Params, Is.EqualTo(new[] { "Quit: off to lunch" }));
            Assert.That(ann.Pending("QUIT"), Is.Empty, "one QUIT however many channels are shared");
            await bob.ExpectClosedAsync();
        });
    }

    [Test]
    public void Kick_ByOperator_RemovesTheMember_ByOthers_IsRefused()
    {
        var cluster = new SimulatedCluster(1);
        cluster.Run(async () =>
        {
            await cluster.StartAllAsync();
            var op = await cluster.RegisterAsync(0, "op");
            var bob = await cluster.RegisterAsync(0, "bob");
            await op.JoinAsync("#lobby");
            await bob.JoinAsync("#lobby");

            await bob.SendAsync("KICK #lobby op :mutiny");
            await bob.ExpectAsync(m => m.Command == "482");

            await op.SendAsync("KICK #lobby bob :behave");
            var kick = await bob.ExpectAsync(m => m.Command == "KICK");
            Assert.That(kick.Params, Is.EqualTo(new[] { "#lobby", "bob", "behave" }));
            await bob.SendAsync("PRIVMSG #lobby :still here?");
            await bob.ExpectAsync(m => m.Command == "404");
        });
    }

    [Test]
    public void Modes_KeyLimitModeratedAndBans_AreEnforced()
    {
        var cluster = new SimulatedCluster(1);
        cluster.Run(async () =>
        {
            await cluster.StartAllAsync();
            var op = await cluster.RegisterAsync(0, "op");
            var bob = await cluster.RegisterAsync(0, "bob");
            var eve = await cluster.RegisterAsync(0, "eve");
            await op.JoinAsync("#room");

            await op.SendAsync("MODE #room +kl secret 2");
            var mode = await op.ExpectAsync(m => m.Command == "MODE");
            Assert.That(mode.Params, Is.EqualTo(new[] { "#room", "+kl", "secret", "2" }));
            await bob.SendAsync("JOIN #room");
            await bob.ExpectAsync(m => m.Command == "475");
            await bob.SendAsync("JOIN #room secret");
            await bob.ExpectAsync(m => m.Command == "366");
            await eve.SendAsync("JOIN #room secret");
            await eve.ExpectAsync(m => m.Command == "471");

            await op.SendAsync("MODE #room -l+b eve");
            await op.ExpectAsync(m => m.Command == "MODE" && m.Param(1) == "-l+b");
            await eve.SendAsync("JOIN #room secret");
            await eve.ExpectAsync(m => m.Command == "474");

            await op.SendAsync("MODE #room +m");
            await op.ExpectAsync(m => m.Command == "MODE" && m.Param(1) == "+m");
            await bob.SendAsync("PRIVMSG #room :may I?");
            await bob.ExpectAsync(m => m.Command == "404");
            await op.SendAsync("MODE #room +v bob");
            await op.ExpectAsync(m => m.Command == "MODE" && m.Param(1) == "+v");
            await bob.SendAsync("PRIVMSG #room :now I may");
            Assert.That((await op.ExpectAsync(m => m.Command == "PRIVMSG")).Params[1], Is.EqualTo("now I may"));

            await op.SendAsync("MODE #room");
            var modes = await op.ExpectAsync(m => m.Command == "324");
            Assert.That(modes.Params.Skip(1), Is.EqualTo(new[] { "#room", "+kmnt", "secret" }));
            await op.SendAsync("MODE #room b");
            Assert.That((await op.ExpectAsync(m => m.Command == "367")).Param(2), Is.EqualTo("eve!*@*"));
            await op.ExpectAsync(m => m.Command == "368");
        });
    }

    [Test]
    public void Mode_ByNonOperator_IsRefused_AndUnknownModeIsReported()
    {
        var cluster = new SimulatedCluster(1);
        cluster.Run(async () =>
        {
            await cluster.StartAllAsync();
            var op = await cluster.RegisterAsync(0, "op");
            var bob = await cluster.RegisterAsync(0, "bob");
            await op.JoinAsync("#room");
            await bob.JoinAsync("#room");

            await bob.SendAsync("MODE #room +m");
            await bob.ExpectAsync(m => m.Command == "482");
            await op.SendAsync("MODE #room +Z");
            await op.ExpectAsync(m => m.Command == "472");
        });
    }

    [Test]
    public void Privmsg_ToANick_OnAnotherServer_IsDelivered_UnknownNickGets401()
    {
        var cluster = new SimulatedCluster(2);
        cluster.Run(async () =>
        {
            await cluster.StartAllAsync();
            var ann = await cluster.RegisterAsync(0, "ann");
            var bob = await cluster.RegisterAsync(1, "bob");

            await ann.SendAsync("PRIVMSG BOB :psst");
            var dm = await bob.ExpectAsync(m => m.Command == "PRIVMSG");
            Assert.That(dm.Params, Is.EqualTo(new[] { "bob", "psst" }));

            await ann.SendAsync("PRIVMSG nobody :hello?");
            await ann.ExpectAsync(m => m.Command == "401");
            await ann.SendAsync("NOTICE bob :a notice");
            Assert.That((await bob.ExpectAsync(m => m.Command == "NOTICE")).Params[1], Is.EqualTo("a notice"));
        });
    }

    [Test]
    public void Nick_Change_IsSeenInSharedChannels_AndFreesTheOldNick()
    {
        var cluster = new SimulatedCluster(2);
        cluster.Run(async () =>
        {
            await cluster.StartAllAsync();
            var ann = await cluster.RegisterAsync(0, "ann");
            var bob = await cluster.RegisterAsync(1, "bob");
            foreach (var client in new[] { ann, bob })
            {
                await client.JoinAsync("#lobby");
            }

            await ann.SendAsync("NICK anna");

            var nick = await bob.ExpectAsync(m => m.Command == "NICK");
            Assert.That((nick.Source, nick.Param(0)), Is.EqualTo(("ann!~ann@127.0.0.1", "anna")));
            await ann.ExpectAsync(m => m.Command == "NICK");
            var newcomer = await cluster.RegisterAsync(1, "ann");
            Assert.That(newcomer.IsClosed, Is.False);
        });
    }

    [Test]
    public void Queries_WhoWhoisListNamesMotd_Answer()
    {
        var cluster = new SimulatedCluster(2);
        cluster.Run(async () =>
        {
            await cluster.StartAllAsync();
            var ann = await cluster.RegisterAsync(0, "ann");
            var bob = await cluster.RegisterAsync(1, "bob");
            await bob.JoinAsync("#lobby");

            await ann.SendAsync("WHOIS bob");
            Assert.That((await ann.ExpectAsync(m => m.Command == "311")).Params.Skip(1).Take(3), Is.EqualTo(new[] { "bob", "~bob", "127.0.0.1" }));
            Assert.That((await ann.ExpectAsync(m => m.Command == "319")).Param(2), Is.EqualTo("@#lobby"));
            Assert.That((await ann.ExpectAsync(m => m.Command == "312")).Param(2), Is.EqualTo("s1.apartium"));
            await ann.ExpectAsync(m => m.Command == "318");

            await ann.SendAsync("WHO #lobby");
            Assert.That((await ann.ExpectAsync(m => m.Command == "352")).Param(5), Is.EqualTo("bob"));
            await ann.ExpectAsync(m => m.Command == "315");

            await ann.SendAsync("LIST");
            Assert.That((await ann.ExpectAsync(m => m.Command == "322")).Params.Skip(1).Take(2), Is.EqualTo(new[] { "#lobby", "1" }));
            await ann.ExpectAsync(m => m.Command == "323");

            await ann.SendAsync("NAMES #lobby");
            Assert.That((await ann.ExpectAsync(m => m.Command == "353")).Param(3), Is.EqualTo("@bob"));

            await ann.SendAsync("MOTD");
            await ann.ExpectAsync(m => m.Command == "375");
            await ann.ExpectAsync(m => m.Command == "376");
        });
    }

    [Test]
    public void LabeledResponse_SingleReplyCarriesTheLabel_NoReplyGetsAck_SeveralGetABatch()
    {
        var cluster = new SimulatedCluster(1);
        cluster.Run(async () =>
        {
            await cluster.StartAllAsync();
            var ann = await cluster.RegisterAsync(0, "ann", Caps);

            await ann.SendAsync("@label=p1 PING :x");
            Assert.That((await ann.ExpectAsync(m => m.Command == "PONG")).GetTag("label"), Is.EqualTo("p1"));

            await ann.SendAsync("@label=q1 PONG :x");
            Assert.That((await ann.ExpectAsync(m => m.Command == "ACK")).GetTag("label"), Is.EqualTo("q1"));

            await ann.SendAsync("@label=j1 JOIN #lobby");
            var start = await ann.ExpectAsync(m => m.Command == "BATCH");
            Assert.That((start.GetTag("label"), start.Param(1)), Is.EqualTo(("j1", "labeled-response")));
            var id = start.Params[0][1..];
            var join = await ann.ExpectAsync(m => m.Command == "JOIN");
            Assert.That(join.GetTag("batch"), Is.EqualTo(id));
            await ann.ExpectAsync(m => m.Command == "BATCH" && m.Params[0] == "-" + id);

            await ann.SendAsync("@label=m1 PRIVMSG #lobby :labeled");
            var echo = await ann.ExpectAsync(m => m.Command == "PRIVMSG");
            Assert.That(echo.GetTag("label"), Is.EqualTo("m1"));
            Assert.That(echo.GetTag("msgid"), Is.Not.Null);
        });
    }
}
