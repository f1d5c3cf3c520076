using ApartiumChat.Client.Events;
using ApartiumChat.Client.Tests.Support;
using ApartiumChat.Testing;
using FsCheck;
using FsCheck.Fluent;
using PropertyAttribute = FsCheck.NUnit.PropertyAttribute;

namespace ApartiumChat.Client.Tests;

/// <summary>How fast, and how surely, a dead server is noticed. Heartbeat 100 ms, timeout 300 ms.</summary>
public sealed class DetectionTests
{
    [Test]
    public void Crash_IsNoticedAtOnce_AsASocketError()
    {
        var harness = new ClientHarness(2);
        harness.Run(async () =>
        {
            var (_, log) = await harness.ConnectAsync("ann");
            await harness.SettleAsync(TimeSpan.FromMilliseconds(250));

            var crashedAt = harness.Now;
            await harness.Cluster.Server(0).CrashAsync();

            var dead = await log.WaitFor<ServerDeclaredDead>();
            Assert.That((dead.ServerId, dead.Reason), Is.EqualTo(("s0", DeathReason.SocketError)));
            Assert.That(dead.Time - crashedAt, Is.LessThan(TimeSpan.FromMilliseconds(1)), "a reset needs no heartbeat to be noticed");
        });
    }

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(37)]
    [TestCase(50)]
    [TestCase(99)]
    public void Hang_IsDeclaredDeadByTheHeartbeat_WithinItsBounds(int phaseMs)
    {
        var harness = new ClientHarness(2);
        harness.Run(async () =>
        {
            var (_, log) = await harness.ConnectAsync("ann");
            await harness.SettleAsync(TimeSpan.FromMilliseconds(500 + phaseMs));

            var hungAt = harness.Now;
            harness.Cluster.Server(0).Hang();

            var dead = await log.WaitFor<ServerDeclaredDead>();
            Assert.That((dead.ServerId, dead.Reason), Is.EqualTo(("s0", DeathReason.HeartbeatTimeout)));
            AssertWithinHeartbeatBounds(dead.Time - hungAt);
            Assert.That(dead.Silence, Is.EqualTo(ClientHarness.Timeout));
            Assert.That((await log.WaitFor<Connected>(c => c.ServerId == "s1")).Kind, Is.EqualTo(RegistrationKind.Resumed));
        });
    }

    [TestCase(true, false)]
    [TestCase(false, true)]
    [TestCase(true, true)]
    public void CutLink_IsDetected_EvenWhileOtherClientsTrafficArrives(bool dropUpstream, bool dropDownstream)
    {
        var harness = new ClientHarness(2);
        harness.Run(async () =>
        {
            var (_, annLog) = await harness.ConnectAsync("ann");
            var (bob, _) = await harness.ConnectAsync("bob", 1);
            var chatting = harness.ChatAsync(bob, "bob", 100, TimeSpan.FromMilliseconds(20));
            await harness.SettleAsync(TimeSpan.FromMilliseconds(330));

            var cutAt = harness.Now;
            var link = harness.Links.Link(SimulatedCluster.Address(0));
            link.DropUpstream = dropUpstream;
            link.DropDownstream = dropDownstream;

            var dead = await annLog.WaitFor<ServerDeclaredDead>();
            Assert.That(dead.Reason, Is.EqualTo(DeathReason.HeartbeatTimeout));
            AssertWithinHeartbeatBounds(dead.Time - cutAt);
            await chatting;
        });
    }

    [TestCase(true, true)]
    [TestCase(false, true)]
    [TestCase(true, false)]
    public void ShortCut_HealedBeforeTheTimeout_LosesNothing_AndKeepsOrder(bool dropUpstream, bool dropDownstream)
    {
        // 250 ms of lost data: shorter than the 300 ms timeout, long enough to swallow a heartbeat.
        var harness = new ClientHarness(2);
        harness.Run(async () =>
        {
            var (ann, annLog) = await harness.ConnectAsync("ann");
            var (bob, bobLog) = await harness.ConnectAsync("bob", 1);
            var chatting = Task.WhenAll(
                harness.ChatAsync(bob, "bob", 100, TimeSpan.FromMilliseconds(10)),
                harness.ChatAsync(ann, "ann", 100, TimeSpan.FromMilliseconds(10)));
            await harness.SettleAsync(TimeSpan.FromMilliseconds(333));
            var link = harness.Links.Link(SimulatedCluster.Address(0));
            (link.DropUpstream, link.DropDownstream) = (dropUpstream, dropDownstream);
            await harness.SettleAsync(TimeSpan.FromMilliseconds(250));
            link.Heal();
            await chatting;
            await harness.DrainedAsync(ann);
            await harness.SettleAsync(TimeSpan.FromSeconds(1));

            Assert.That(annLog.Of<ServerDeclaredDead>().Single().Reason, Is.AnyOf(DeathReason.DataLost, DeathReason.HeartbeatTimeout));
            ClientHarness.AssertExactlyOnceInOrder(annLog, "bob", 100);
            ClientHarness.AssertExactlyOnceInOrder(bobLog, "ann", 100);
        });
    }

    [Test]
    public void LatencyJitter_InsideTheTimeout_NeverCausesAFalseFailover()
    {
        // 70 ms +- 60 ms each way: round trips from 20 to 260 ms, against a 300 ms timeout.
        var harness = new ClientHarness(2);
        harness.Run(async () =>
        {
            var link = harness.Links.Link(SimulatedCluster.Address(0));
            link.Latency = TimeSpan.FromMilliseconds(70);
            link.Jitter = TimeSpan.FromMilliseconds(60);
            var (_, annLog) = await harness.ConnectAsync("ann");
            var (bob, _) = await harness.ConnectAsync("bob", 1);

            await harness.ChatAsync(bob, "bob", 600, TimeSpan.FromMilliseconds(100));
            await harness.SettleAsync(TimeSpan.FromMilliseconds(500)); // a late answer may still hold the last message back

            Assert.That(annLog.Of<ServerDeclaredDead>(), Is.Empty, annLog.Dump());
            var roundTrips = annLog.Of<HeartbeatAnswered>().Select(a => a.RoundTrip).ToList();
            Assert.That(roundTrips, Has.Count.GreaterThan(500));
            Assert.That(roundTrips.Max() - roundTrips.Min(), Is.GreaterThan(TimeSpan.FromMilliseconds(150)), "the jitter was real");
            ClientHarness.AssertExactlyOnceInOrder(annLog, "bob", 600);
        });
    }

#pragma warning disable NUnit1027 // FsCheck supplies the arguments
    [Property(MaxTest = 15)]
    public Property AnyJitter_WhoseRoundTripsStayUnderTheTimeout_RaisesNoAlarm() =>
        Prop.ForAll(Arb.From(Gen.Choose(0, 145)), Arb.From(Gen.Choose(0, 145)), Arb.From(Gen.Choose(1, 10_000)), (latency, jitterRaw, seed) =>
        {
            // Each way at most latency + jitter < 150 ms: every round trip under the 300 ms timeout.
            var jitter = Math.Min(jitterRaw, Math.Min(latency, 145 - latency));
            var harness = new ClientHarness(2, seed: seed);
            var alarms = -1;
            harness.Run(async () =>
            {
                var link = harness.Links.Link(SimulatedCluster.Address(0));
                link.Latency = TimeSpan.FromMilliseconds(latency);
                link.Jitter = TimeSpan.FromMilliseconds(jitter);
                var (_, log) = await harness.ConnectAsync("ann");
                await harness.SettleAsync(TimeSpan.FromSeconds(20));
                alarms = log.Of<ServerDeclaredDead>().Count();
            });
            return (alarms == 0).Label($"latency {latency} ms, jitter {jitter} ms: {alarms} false alarms");
        });
#pragma warning restore NUnit1027

    /// <summary>Dead at most interval + timeout after it fell silent, and not before timeout - round trip (0 here).</summary>
    private static void AssertWithinHeartbeatBounds(TimeSpan detection) =>
        Assert.That(detection, Is.InRange(ClientHarness.Timeout, ClientHarness.Timeout + ClientHarness.Interval));
}
