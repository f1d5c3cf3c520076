using ApartiumChat.Client.Events;
using ApartiumChat.Client.Tests.Support;

namespace ApartiumChat.Client.Tests;

public sealed class ConnectTests
{
    [Test]
    public void Start_ConnectsToTheFirstServer_JoinsItsChannels_AndChats()
    {
        var harness = new ClientHarness(2);
        harness.Run(async () =>
        {
            var (ann, annLog) = await harness.ConnectAsync("ann");
            var (bob, bobLog) = await harness.ConnectAsync("bob", 1, 0);

            var connected = annLog.Of<Connected>().Single();
            Assert.That((connected.ServerId, connected.Kind, connected.Purpose), Is.EqualTo(("s0", RegistrationKind.Fresh, ConnectionPurpose.Initial)));
            Assert.That(connected.Channels, Is.EqualTo(new[] { "#lobby" }));
            Assert.That(connected.Limitations, Is.Null, "our server supports every guarantee");
            Assert.That(bob.CurrentServer!.Id, Is.EqualTo("s1"));

            var ack = await ann.SendAsync("#lobby", "hello bob", "ledger-1");

            var received = await bobLog.WaitFor<MessageReceived>();
            Assert.That((received.Sender, received.Text, received.Conversation, received.Delivery), Is.EqualTo(("ann", "hello bob", "#lobby", DeliveryKind.Live)));
            Assert.That(received.MsgId, Is.EqualTo(ack.MsgId).And.Not.Null);
            Assert.That(ack.ApplicationId, Is.EqualTo("ledger-1"));
            Assert.That(annLog.Of<MessageReceived>(), Is.Empty, "own messages are acknowledgements, not deliveries");
            var acked = annLog.Of<MessageAcknowledged>().Single();
            Assert.That((acked.ApplicationId, acked.IsDuplicate, acked.ServerId), Is.EqualTo(("ledger-1", false, "s0")));
        });
    }

    [Test]
    public void Heartbeats_AreAnswered_WithTheirRoundTrip()
    {
        var harness = new ClientHarness(1);
        harness.Run(async () =>
        {
            harness.Links.Link(Testing.SimulatedCluster.Address(0)).Latency = TimeSpan.FromMilliseconds(20);
            var (_, log) = await harness.ConnectAsync("ann");

            await harness.SettleAsync(TimeSpan.FromSeconds(1));

            var answered = log.Of<HeartbeatAnswered>().ToList();
            Assert.That(answered, Has.Count.InRange(9, 12), "one per 100 ms");
            Assert.That(answered.Select(a => a.RoundTrip), Is.All.EqualTo(TimeSpan.FromMilliseconds(40)));
            Assert.That(log.Of<HeartbeatSent>().Count(), Is.GreaterThanOrEqualTo(answered.Count));
        });
    }

    [Test]
    public void TakenNick_OnTheFirstRegistration_StopsTheClient_WithAClearReason()
    {
        var harness = new ClientHarness(2);
        harness.Run(async () =>
        {
            await harness.ConnectAsync("ann");
            var (twin, log) = harness.NewClient(harness.Options("ann"));
            await twin.StartAsync();

            var stopped = await log.WaitFor<ClientStopped>();

            Assert.That(stopped.Reason, Does.Contain("nick ann is already in use"));
            Assert.That(twin.State, Is.EqualTo(ClientState.Stopped));
            Assert.That(log.Of<ConnectFailed>().Single().Failure, Is.EqualTo(ConnectFailure.NickInUse));
        });
    }
}
