using ApartiumChat.Testing;

namespace ApartiumChat.Server.Tests;

public sealed class RegistrationTests
{
    [Test]
    public void Register_WithNickAndUser_GetsWelcomeBurst()
    {
        var cluster = new SimulatedCluster(1);
        cluster.Run(async () =>
        {
            await cluster.StartAllAsync();
            var ann = await cluster.ConnectAsync(0);

            await ann.SendAsync("NICK ann");
            await ann.SendAsync("USER ann 0 * :Ann Example");

            var welcome = await ann.ExpectAsync(m => m.Command == "001");
            Assert.That(welcome.Param(0), Is.EqualTo("ann"));
            Assert.That(welcome.Param(1), Does.Contain("ann!~ann@"));
            await ann.ExpectAsync(m => m.Command == "376");
            var isupport = ann.Received.Where(m => m.Command == "005").SelectMany(m => m.Params).ToList();
            Assert.That(isupport, Does.Contain("CASEMAPPING=rfc1459"));
            Assert.That(isupport, Has.Some.StartsWith("CHATHISTORY="));
        });
    }

    [Test]
    public void Cap_Negotiation_HoldsRegistrationUntilCapEnd()
    {
        var cluster = new SimulatedCluster(1);
        cluster.Run(async () =>
        {
            await cluster.StartAllAsync();
            var ann = await cluster.ConnectAsync(0);

            await ann.SendAsync("CAP LS 302");
            var ls = await ann.ExpectAsync(m => m.Command == "CAP" && m.Param(1) == "LS");
            Assert.That(ls.Param(2)!.Split(' '), Is.SupersetOf(new[] { "message-tags", "server-time", "echo-message", "labeled-response", "batch", "draft/chathistory", "apartium.chat/ha" }));

            await ann.SendAsync("CAP REQ :server-time echo-message");
            var ack = await ann.ExpectAsync(m => m.Command == "CAP");
            Assert.That((ack.Param(1), ack.Param(2)), Is.EqualTo(("ACK", "server-time echo-message")));
            await ann.SendAsync("CAP REQ :server-time no-such-cap");
            Assert.That((await ann.ExpectAsync(m => m.Command == "CAP")).Param(1), Is.EqualTo("NAK"));

            await ann.SendAsync("NICK ann");
            await ann.SendAsync("USER ann 0 * :Ann");
            await cluster.SettleAsync();
            Assert.That(ann.Pending("001"), Is.Empty, "no welcome before CAP END");

            await ann.SendAsync("CAP LIST");
            var list = await ann.ExpectAsync(m => m.Command == "CAP" && m.Param(1) == "LIST");
            Assert.That(list.Param(2), Is.EqualTo("server-time echo-message"));
            await ann.SendAsync("CAP END");
            await ann.ExpectAsync(m => m.Command == "001");
        });
    }

    [Test]
    public void Nick_TakenOnAnotherServerOfTheCluster_IsRefused()
    {
        var cluster = new SimulatedCluster(2);
        cluster.Run(async () =>
        {
            await cluster.StartAllAsync();
            await cluster.RegisterAsync(0, "Ann");
            var other = await cluster.ConnectAsync(1);

            await other.SendAsync("NICK ANN");
            var refused = await other.ExpectAsync(m => m.Command == "433");
            Assert.That(refused.Param(1), Is.EqualTo("ANN"));

            await other.SendAsync("NICK ann[1]");
            await other.SendAsync("USER x 0 * :x");
            await other.ExpectAsync(m => m.Command == "001");
        });
    }

    [Test]
    public void Nick_UnderRfc1459CaseMapping_BracketsFoldToBraces()
    {
        var cluster = new SimulatedCluster(1);
        cluster.Run(async () =>
        {
            await cluster.StartAllAsync();
            await cluster.RegisterAsync(0, "ann[x]");
            var other = await cluster.ConnectAsync(0);

            await other.SendAsync("NICK ANN{X}");

            await other.ExpectAsync(m => m.Command == "433");
        });
    }

    [Test]
    public void Nick_Invalid_GetsErroneousNickname()
    {
        var cluster = new SimulatedCluster(1);
        cluster.Run(async () =>
        {
            await cluster.StartAllAsync();
            var ann = await cluster.ConnectAsync(0);

            await ann.SendAsync("NICK #bad");

            Assert.That((await ann.ExpectAsync(m => m.Command.StartsWith('4'))).Command, Is.EqualTo("432"));
        });
    }

    [Test]
    public void Password_Wrong_IsRefusedAndClosed()
    {
        var cluster = new SimulatedCluster(1, o => o with { Password = "sesame" });
        cluster.Run(async () =>
        {
            await cluster.StartAllAsync();
            var ann = await cluster.ConnectAsync(0);

            await ann.SendAsync("PASS wrong");
            await ann.SendAsync("NICK ann");
            await ann.SendAsync("USER ann 0 * :Ann");

            await ann.ExpectAsync(m => m.Command == "464");
            await ann.ExpectAsync(m => m.Command == "ERROR");
            await ann.ExpectClosedAsync();
        });
    }

    [Test]
    public void Password_Right_Registers()
    {
        var cluster = new SimulatedCluster(1, o => o with { Password = "sesame" });
        cluster.Run(async () =>
        {
            await cluster.StartAllAsync();
            var ann = await cluster.ConnectAsync(0);

            await ann.SendAsync("PASS sesame");
            await ann.RegisterAsync("ann");
        });
    }

    [Test]
    public void Commands_BeforeRegistration_GetNotRegistered()
    {
        var cluster = new SimulatedCluster(1);
        cluster.Run(async () =>
        {
            await cluster.StartAllAsync();
            var ann = await cluster.ConnectAsync(0);

            await ann.SendAsync("JOIN #lobby");

            await ann.ExpectAsync(m => m.Command == "451");
        });
    }

    [Test]
    public void Ping_IsAnsweredWithItsToken_EvenBeforeRegistration()
    {
        var cluster = new SimulatedCluster(1);
        cluster.Run(async () =>
        {
            await cluster.StartAllAsync();
            var ann = await cluster.ConnectAsync(0);

            await ann.SendAsync("PING :hb-17");

            var pong = await ann.ExpectAsync(m => m.Command == "PONG");
            Assert.That(pong.Params, Is.EqualTo(new[] { "s0.apartium", "hb-17" }));
        });
    }
}
