using ApartiumChat.Client.Events;
using ApartiumChat.Client.Tests.Support;
using ApartiumChat.Testing;

namespace ApartiumChat.Client.Tests;

/// <summary>Where the client goes when its server dies, and how it gets its session back.</summary>
public sealed class FailoverTests
{
    [Test]
    public void Failover_TriesTheServersInPriorityOrder_SkippingTheDeadOne()
    {
        var harness = new ClientHarness(3);
        harness.Run(async () =>
        {
            var (ann, log) = await harness.ConnectAsync("ann");

            await harness.Cluster.Server(0).CrashAsync();
            await log.WaitFor<Connected>(c => c.ServerId == "s1");
            var mark = log.All.Count;
            await harness.Cluster.Server(1).CrashAsync();
            await log.WaitFor<Connected>(c => c.ServerId == "s2", after: mark);

            var attempts = log.Of<ConnectAttempted>().Select(a => (a.ServerId, a.Purpose, a.Pass)).ToList();
            Assert.That(attempts, Is.EqualTo(new[]
            {
                ("s0", ConnectionPurpose.Initial, 1),
                ("s1", ConnectionPurpose.Failover, 1), // s0 just died: skipped
                ("s0", ConnectionPurpose.Failover, 1), // s1 just died: s0 first, by priority; it is down
                ("s2", ConnectionPurpose.Failover, 1),
            }));
            var failedOver = log.Of<FailedOver>().Select(f => (f.FromServerId, f.ToServerId, f.Kind)).ToList();
            Assert.That(failedOver, Is.EqualTo(new[] { ("s0", "s1", RegistrationKind.Resumed), ("s1", "s2", RegistrationKind.Resumed) }));
            Assert.That(ann.CurrentServer!.Id, Is.EqualTo("s2"));
        });
    }

    [Test]
    public void Failover_StateMachine_GoesThroughFailingOverToConnected()
    {
        var harness = new ClientHarness(2);
        harness.Run(async () =>
        {
            var (_, log) = await harness.ConnectAsync("ann");

            await harness.Cluster.Server(0).CrashAsync();
            await log.WaitFor<Connected>(c => c.ServerId == "s1");

            var states = log.Of<StateChanged>().Select(s => s.Current).ToList();
            Assert.That(states, Is.EqualTo(new[]
            {
                ClientState.Connecting, ClientState.Registering, ClientState.Connected,
                ClientState.FailingOver, ClientState.Connecting, ClientState.Registering, ClientState.Connected,
            }));
        });
    }

    [Test]
    public void HungNextServer_CostsOneConnectTimeout_ThenTheOneAfter()
    {
        var harness = new ClientHarness(3);
        harness.Run(async () =>
        {
            var (_, log) = await harness.ConnectAsync("ann");
            harness.Cluster.Server(1).Hang();

            await harness.Cluster.Server(0).CrashAsync();
            var connected = await log.WaitFor<Connected>(c => c.ServerId == "s2");

            var failure = log.Of<ConnectFailed>().Single();
            Assert.That((failure.ServerId, failure.Failure), Is.EqualTo(("s1", ConnectFailure.Timeout)));
            var failedOver = log.Of<FailedOver>().Single();
            Assert.That(failedOver.Elapsed, Is.InRange(TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(510)));
            Assert.That(connected.Kind, Is.EqualTo(RegistrationKind.Resumed));
        });
    }

    [Test]
    public void AllServersDown_BacksOffWithJitter_AndConnectsWhenOneReturns()
    {
        var harness = new ClientHarness(2);
        harness.Run(async () =>
        {
            var (ann, log) = await harness.ConnectAsync("ann");
            await harness.Cluster.Server(1).CrashAsync();
            await harness.Cluster.Server(0).CrashAsync();

            await harness.SettleAsync(TimeSpan.FromSeconds(5));
            Assert.That(ann.State, Is.EqualTo(ClientState.FailingOver));
            var passes = log.Of<ConnectAttempted>().Where(a => a.Purpose == ConnectionPurpose.Failover).Select(a => a.Time).ToList();
            var gaps = passes.Zip(passes.Skip(1), (a, b) => b - a).ToList();
            Assert.That(gaps, Is.All.LessThanOrEqualTo(TimeSpan.FromSeconds(1)), "never beyond the cap");
            Assert.That(passes, Has.Count.InRange(6, 200), "keeps cycling, no busy loop");

            var restartedAt = harness.Now;
            await harness.Cluster.StartAsync(1);
            var connected = await log.WaitFor<Connected>(c => c.Purpose == ConnectionPurpose.Failover);

            Assert.That(connected.ServerId, Is.EqualTo("s1"));
            Assert.That(connected.Time - restartedAt, Is.LessThanOrEqualTo(TimeSpan.FromSeconds(1)), "found within one capped backoff");
            Assert.That(connected.Kind, Is.EqualTo(RegistrationKind.Resumed), "within the retention the session waits");
        });
    }

    [Test]
    public void ShutdownNotice_IsLeftBeforeTheServerCloses_AndTheSessionResumesElsewhere()
    {
        var harness = new ClientHarness(2);
        harness.Run(async () =>
        {
            var (_, log) = await harness.ConnectAsync("ann");

            var shutdown = harness.Cluster.Server(0).ShutdownAsync();
            var dead = await log.WaitFor<ServerDeclaredDead>();
            var connected = await log.WaitFor<Connected>(c => c.ServerId == "s1");
            await shutdown;

            Assert.That(dead.Reason, Is.EqualTo(DeathReason.ServerShutdown));
            Assert.That(connected.Kind, Is.EqualTo(RegistrationKind.Resumed));
            Assert.That(connected.Time - dead.Time, Is.LessThan(TimeSpan.FromMilliseconds(10)), "moved at once, not after the 2 s grace");
            Assert.That(log.Of<ServerDeclaredDead>().Count(), Is.EqualTo(1), "the server closing afterwards is not a second failure");
        });
    }

    [Test]
    public void Resume_OnAnotherServer_KeepsNickAndChannels_AndOthersSeeNothing()
    {
        var harness = new ClientHarness(2);
        harness.Run(async () =>
        {
            var (ann, log) = await harness.ConnectAsync("ann");
            var watcher = await harness.Cluster.RegisterAsync(1, "cat");
            await watcher.SendAsync("JOIN #lobby");
            await watcher.ExpectAsync(m => m.Command == "366");

            await harness.Cluster.Server(0).CrashAsync();
            var connected = await log.WaitFor<Connected>(c => c.ServerId == "s1");
            await ann.SendAsync("#lobby", "still here");

            Assert.That((connected.Kind, connected.Nick, connected.Channels.Single()), Is.EqualTo((RegistrationKind.Resumed, "ann", "#lobby")));
            Assert.That((await watcher.ExpectAsync(m => m.Command == "PRIVMSG")).Param(1), Is.EqualTo("still here"));
            Assert.That(watcher.Received.Where(m => m.Command is "QUIT" or "JOIN" or "PART" && m.Source!.StartsWith("ann!", StringComparison.Ordinal)), Is.Empty);
        });
    }

    [Test]
    public void RefusedToken_LeadsToAFreshRegistration_ThatRejoinsTheChannels_AndSaysSo()
    {
        var harness = new ClientHarness(2, o => o with { Ha = o.Ha with { ResumeRetention = TimeSpan.FromSeconds(1) } });
        harness.Run(async () =>
        {
            var (ann, log) = await harness.ConnectAsync("ann");
            var (bob, bobLog) = await harness.ConnectAsync("bob", 1);
            await harness.Cluster.Server(0).CrashAsync();
            harness.Links.Link(SimulatedCluster.Address(1)).Refuse = true; // ann cannot reach s1 either

            await harness.SettleAsync(TimeSpan.FromSeconds(3)); // the detached session expires
            harness.Links.Link(SimulatedCluster.Address(1)).Refuse = false;
            var connected = await log.WaitFor<Connected>(c => c.ServerId == "s1");
            await ann.SendAsync("#lobby", "back again");

            var refused = log.Of<ResumeRefused>().Single();
            Assert.That(refused.Detail, Does.Contain("INVALID_TOKEN"));
            Assert.That((connected.Kind, connected.Nick, connected.Channels.Single()), Is.EqualTo((RegistrationKind.Reregistered, "ann", "#lobby")));
            Assert.That((await bobLog.WaitFor<MessageReceived>()).Text, Is.EqualTo("back again"));
            _ = bob;
        });
    }

    [Test]
    public void MissedMessages_AreReplayedFromHistory_ExactlyOnce_InOrder()
    {
        var harness = new ClientHarness(2);
        harness.Run(async () =>
        {
            var (_, annLog) = await harness.ConnectAsync("ann");
            var (bob, _) = await harness.ConnectAsync("bob", 1);
            harness.Cluster.Server(0).Hang(); // ann misses everything until she notices
            await harness.ChatAsync(bob, "bob", 100, TimeSpan.FromMilliseconds(10));

            var recovered = await annLog.WaitFor<RecoveryCompleted>();
            await harness.SettleAsync(TimeSpan.FromMilliseconds(100));

            ClientHarness.AssertExactlyOnceInOrder(annLog, "bob", 100);
            var replayed = annLog.Of<MessageReceived>().Count(m => m.Delivery == DeliveryKind.History);
            Assert.That(replayed, Is.GreaterThan(20), "missed while s0 hung, fetched from history");
            Assert.That(recovered.MessagesReplayed, Is.EqualTo(replayed));
            Assert.That(recovered.HistoryComplete, Is.True);
            Assert.That(annLog.Of<HistoryReplayed>().Single().Outcome, Is.EqualTo(HistoryOutcome.Complete));
        });
    }

    [Test]
    public void HistoryReplay_PagesThroughALongGap()
    {
        var harness = new ClientHarness(2, o => o with { History = o.History with { MaxMessagesPerRequest = 7 } });
        harness.Run(async () =>
        {
            var (_, annLog) = await harness.ConnectAsync("ann");
            var (bob, _) = await harness.ConnectAsync("bob", 1);
            await bob.SendAsync("#lobby", "bob-1");
            await annLog.WaitFor<MessageReceived>();
            var link = harness.Links.Link(SimulatedCluster.Address(0));
            link.DropDownstream = true; // 250 ms: shorter than the timeout, long enough to swallow heartbeat answers
            await harness.ChatAsync(bob, "bob", 50, TimeSpan.FromMilliseconds(5)); // bob-1 again: a new message with the same text
            link.DropDownstream = false;

            await annLog.WaitFor<RecoveryCompleted>();

            var texts = annLog.Texts("#lobby");
            Assert.That(texts, Is.EqualTo(new[] { "bob-1" }.Concat(Enumerable.Range(1, 50).Select(i => $"bob-{i}"))));
            var replayed = annLog.Of<MessageReceived>().Count(m => m.Delivery == DeliveryKind.History);
            Assert.That(annLog.Of<HistoryReplayed>().Single().Count, Is.EqualTo(replayed));
            Assert.That(replayed, Is.GreaterThan(7 * 3), "several pages");
            Assert.That(annLog.Of<ServerDeclaredDead>().Single().Reason, Is.EqualTo(DeathReason.DataLost), "a lost heartbeat answer gives the cut away");
        });
    }
}
