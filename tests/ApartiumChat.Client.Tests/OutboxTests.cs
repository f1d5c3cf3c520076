using ApartiumChat.Client.Events;
using ApartiumChat.Client.Tests.Support;
using ApartiumChat.Testing;

namespace ApartiumChat.Client.Tests;

/// <summary>Every send ends acknowledged or failed for a reason; nothing lost, nothing doubled, order kept.</summary>
public sealed class OutboxTests
{
    [Test]
    public void CrashMidStream_EveryMessageArrivesOnce_InOrder_AndIsAcknowledged()
    {
        var harness = new ClientHarness(2);
        harness.Run(async () =>
        {
            harness.Links.Link(SimulatedCluster.Address(0)).Latency = TimeSpan.FromMilliseconds(20); // messages in flight
            var (ann, annLog) = await harness.ConnectAsync(harness.Options("ann") with { ConnectTimeout = TimeSpan.FromSeconds(2) });
            var (_, bobLog) = await harness.ConnectAsync("bob", 1);

            var chatting = harness.ChatAsync(ann, "ann", 200, TimeSpan.FromMilliseconds(5));
            await harness.SettleAsync(TimeSpan.FromMilliseconds(333));
            await harness.Cluster.Server(0).CrashAsync();
            await chatting;
            await harness.DrainedAsync(ann);
            await harness.SettleAsync(TimeSpan.FromMilliseconds(100));

            ClientHarness.AssertExactlyOnceInOrder(bobLog, "ann", 200);
            var acks = annLog.Of<MessageAcknowledged>().ToList();
            Assert.That(acks.Select(a => a.LocalId), Is.EquivalentTo(Enumerable.Range(1, 200).Select(i => (long)i)));
            Assert.That(annLog.Of<MessageFailed>(), Is.Empty);
            Assert.That(annLog.Of<MessageSent>().Any(s => s.Attempt > 1), Is.True, "some were in flight at the crash and went out again");
        });
    }

    [Test]
    public void LostAcknowledgement_IsResentWithTheSameKey_AndDeliveredOnlyOnce()
    {
        var harness = new ClientHarness(2);
        harness.Run(async () =>
        {
            var (ann, annLog) = await harness.ConnectAsync("ann");
            var (_, bobLog) = await harness.ConnectAsync("bob", 1);
            harness.Links.Link(SimulatedCluster.Address(0)).DropDownstream = true; // s0 gets the message; its echo is lost

            var ack = await ann.SendAsync("#lobby", "exactly once", "m-1");

            Assert.That(ack.IsDuplicate, Is.True, "the cluster recognised the resend");
            Assert.That(ack.ServerId, Is.EqualTo("s1"));
            var received = await bobLog.WaitFor<MessageReceived>();
            Assert.That(received.MsgId, Is.EqualTo(ack.MsgId));
            await harness.SettleAsync(TimeSpan.FromMilliseconds(200));
            Assert.That(bobLog.Texts(), Is.EqualTo(new[] { "exactly once" }));
            var attempts = annLog.Of<MessageSent>().Select(s => (s.ServerId, s.Attempt)).ToList();
            Assert.That(attempts, Is.EqualTo(new[] { ("s0", 1), ("s1", 2) }));
        });
    }

    [Test]
    public void FullOutbox_FailsTheSendAtOnce_WithItsReason()
    {
        var harness = new ClientHarness(1);
        harness.Run(async () =>
        {
            var (ann, log) = await harness.ConnectAsync(harness.Options("ann") with { OutboxCapacity = 3 });
            harness.Cluster.Server(0).Hang(); // nothing is acknowledged any more

            var tickets = Enumerable.Range(1, 4).Select(i => ann.Post("#lobby", $"m{i}", $"app-{i}")).ToList();

            Assert.That(tickets.Select(t => t.Accepted), Is.EqualTo(new[] { true, true, true, false }));
            Assert.That(tickets[3].Refusal, Is.EqualTo(SendFailureReason.OutboxFull));
            var failed = log.Of<MessageFailed>().Single();
            Assert.That((failed.ApplicationId, failed.Reason), Is.EqualTo(("app-4", SendFailureReason.OutboxFull)));
            var thrown = await Fails(ann.SendAsync("#lobby", "m5"));
            Assert.That(thrown.Reason, Is.EqualTo(SendFailureReason.OutboxFull));
        });
    }

    [Test]
    public void SendTimeout_FailsTheSend_NeverHangs()
    {
        var harness = new ClientHarness(2);
        harness.Run(async () =>
        {
            var (ann, log) = await harness.ConnectAsync(harness.Options("ann") with { SendTimeout = TimeSpan.FromSeconds(2) });
            await harness.Cluster.Server(1).CrashAsync();
            await harness.Cluster.Server(0).CrashAsync();

            var started = harness.Now;
            var thrown = await Fails(ann.SendAsync("#lobby", "into the void", "v-1"));

            Assert.That(thrown.Reason, Is.EqualTo(SendFailureReason.Timeout));
            Assert.That(harness.Now - started, Is.EqualTo(TimeSpan.FromSeconds(2)));
            Assert.That(log.Of<MessageFailed>().Single().ApplicationId, Is.EqualTo("v-1"));
            Assert.That(ann.OutboxCount, Is.Zero);
        });
    }

    [Test]
    public void RefusedSend_FailsAsRejected_WithTheServersWords()
    {
        var harness = new ClientHarness(1);
        harness.Run(async () =>
        {
            var (ann, log) = await harness.ConnectAsync("ann");

            var thrown = await Fails(ann.SendAsync("nobody", "hello?"));

            Assert.That(thrown.Reason, Is.EqualTo(SendFailureReason.Rejected));
            Assert.That(thrown.Message, Does.StartWith("401"));
            Assert.That(log.Of<ServerDeclaredDead>(), Is.Empty, "a refusal is an answer, not a lost line");
            await ann.SendAsync("#lobby", "the next one goes through");
        });
    }

    [TestCase("", SendFailureReason.Invalid)]
    [TestCase("two\r\nlines", SendFailureReason.Invalid)]
    [TestCase("LONG", SendFailureReason.TooLong)]
    public void BadText_IsRefusedAtOnce_WithAClearReason(string text, SendFailureReason reason)
    {
        var harness = new ClientHarness(1);
        harness.Run(async () =>
        {
            var (ann, log) = await harness.ConnectAsync("ann");
            var max = ann.MaxTextBytes("#lobby");

            var ticket = ann.Post("#lobby", text == "LONG" ? new string('x', max + 1) : text);

            Assert.That(ticket.Refusal, Is.EqualTo(reason));
            Assert.That(log.Of<MessageFailed>().Single().Detail, Is.Not.Empty);
            Assert.That((await ann.SendAsync("#lobby", new string('x', max))).MsgId, Is.Not.Null, "the longest allowed text fits");
        });
    }

    [Test]
    public void Stop_FailsWhatIsLeft_AsStopped()
    {
        var harness = new ClientHarness(1);
        harness.Run(async () =>
        {
            var (ann, log) = await harness.ConnectAsync("ann");
            harness.Cluster.Server(0).Hang();
            var pending = ann.SendAsync("#lobby", "never acknowledged");

            await ann.StopAsync("bye");

            var thrown = await Fails(pending);
            Assert.That(thrown.Reason, Is.EqualTo(SendFailureReason.Stopped));
            Assert.That(log.All[^1], Is.TypeOf<ClientStopped>());
            Assert.That(ann.Post("#lobby", "late").Refusal, Is.EqualTo(SendFailureReason.Stopped));
        });
    }

    /// <summary>Awaits a send that must fail (NUnit's ThrowsAsync would block the simulation loop).</summary>
    private static async Task<SendFailedException> Fails(Task task)
    {
        try
        {
            await task;
        }
        catch (SendFailedException e)
        {
            return e;
        }

        Assert.Fail("the send succeeded");
        throw new InvalidOperationException();
    }
}
