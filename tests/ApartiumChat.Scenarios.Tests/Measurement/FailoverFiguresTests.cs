using ApartiumChat.Scenarios.Measurement;
using ApartiumChat.Scenarios.Model;
using ApartiumChat.Scenarios.Observations;

namespace ApartiumChat.Scenarios.Tests.Measurement;

/// <summary>Each figure of SCENARIOS.md ("What is measured") on hand-made event sequences.</summary>
public sealed class FailoverFiguresTests
{
    /// <summary>Heartbeat 100 / 300: the grace after a fault ends within which a death is still put down to it.</summary>
    private static readonly MeasurementSettings Settings = MeasurementSettings.Default with { AttributionGraceMs = 400 };

    private static TrialFigures Measure(TrialBuilder trial) => TrialMeasurement.Measure(trial.Build(), Settings);

    private static double[] Ms(IEnumerable<TimingSample> samples) => samples.Select(s => s.Ms).ToArray();

    /// <summary>
    /// c0 and c1 on s0, c2 on s1. s0 crashes at 1000; c0 and c1 notice, move to s1, and fail
    /// back after s0 restarts at 3000.
    /// </summary>
    private static TrialBuilder CrashOfPrimary() => new TrialBuilder()
        .Registered(-100, "c0", "s0").Registered(-100, "c1", "s0").Registered(-100, "c2", "s1")
        .Fault(1000, 0, FaultType.Crash, "s0")
        .Dead(1005, "c0", "s0").Dead(1010, "c1", "s0")
        .Registered(1100, "c0", "s1").Registered(1150, "c1", "s1")
        .Fault(3000, 1, FaultType.Restart, "s0").Ended(3000, 0)
        .Registered(4100, "c0", "s0", failback: true).Registered(4200, "c1", "s0", failback: true);

    [Test]
    public void Crash_HitsEveryClientOnTheServer_AndOnlyThem()
    {
        var f = Measure(CrashOfPrimary());

        Assert.Multiple(() =>
        {
            Assert.That(Ms(f.Detection), Is.EqualTo(new[] { 5.0, 10.0 }));
            Assert.That(f.Detection.Select(s => s.Client), Is.EqualTo(new[] { "c0", "c1" }));
            Assert.That(f.Detection.Select(s => (s.FaultIndex, s.FaultType)), Has.All.EqualTo((0, FaultType.Crash)));
            Assert.That(Ms(f.Failover), Is.EqualTo(new[] { 100.0, 150.0 }));
            Assert.That(Ms(f.Failback), Is.EqualTo(new[] { 1100.0, 1200.0 }), "from the restart at 3000");
            Assert.That((f.Undetected, f.Failovers, f.Failbacks, f.FalseFailovers), Is.EqualTo((0, 2, 2, 0)));
        });
    }

    [Test]
    public void FirstDelivery_CountsTheFirstMessageSentAfterTheFault_ByAnotherClient()
    {
        var trial = CrashOfPrimary()
            .Send(900, "c2", out var before)
            .Send(1120, "c0", out var own)
            .Deliver(1150, "c0", "c2", before, DeliveryPath.History)
            .Send(1200, "c2", out var after)
            .Deliver(1250, "c0", "c2", after)
            .Deliver(1270, "c1", "c0", own);

        var f = Measure(trial);

        // c0: the history replay at 1150 carries a message sent before the fault, and its own message does not count.
        // c1: its first message from another client after the fault is c0's, at 1270.
        Assert.That(f.FirstDelivery.Select(s => (s.Client, s.Ms)), Is.EqualTo(new[] { ("c0", 250.0), ("c1", 270.0) }));
    }

    [Test]
    public void FirstDelivery_ByHistoryReplay_Counts()
    {
        var trial = CrashOfPrimary().Send(1050, "c2", out var sent).Deliver(1150, "c0", "c2", sent, DeliveryPath.History);

        Assert.That(Measure(trial).FirstDelivery.Single(s => s.Client == "c0").Ms, Is.EqualTo(150));
    }

    [Test]
    public void HangShorterThanTheTimeout_LeavesEveryHitClientUndetected()
    {
        var trial = new TrialBuilder().AllOn("s0")
            .Fault(1000, 0, FaultType.Hang, "s0")
            .Fault(1200, 1, FaultType.Unhang, "s0").Ended(1200, 0);

        var f = Measure(trial);

        Assert.That((f.Undetected, f.Failovers, f.FalseFailovers, f.Detection.Count), Is.EqualTo((3, 0, 0, 0)));
    }

    [Test]
    public void DeathSoonAfterTheFaultEnded_IsStillTheFaults()
    {
        var trial = new TrialBuilder(clients: 1).AllOn("s0")
            .Fault(1000, 0, FaultType.Hang, "s0")
            .Fault(1100, 1, FaultType.Unhang, "s0").Ended(1100, 0)
            .Dead(1350, "c0", "s0", DeadReason.HeartbeatTimeout)
            .Registered(1400, "c0", "s1");

        var f = Measure(trial);

        Assert.That((Ms(f.Detection).Single(), f.FalseFailovers, f.Undetected), Is.EqualTo((350.0, 0, 0)));
    }

    [Test]
    public void DeathLongAfterTheFaultEnded_IsFalse_AndTheHitUndetected()
    {
        var trial = new TrialBuilder(clients: 1).AllOn("s0")
            .Fault(1000, 0, FaultType.Hang, "s0")
            .Fault(1100, 1, FaultType.Unhang, "s0").Ended(1100, 0)
            .Dead(1600, "c0", "s0", DeadReason.HeartbeatTimeout);

        var f = Measure(trial);

        Assert.That((f.Detection.Count, f.FalseFailovers, f.Undetected, f.Failovers), Is.EqualTo((0, 1, 1, 1)));
    }

    [Test]
    public void DeathWithNoFault_IsAFalseFailover()
    {
        var trial = new TrialBuilder().AllOn("s0").Dead(2000, "c1", "s0", DeadReason.HeartbeatTimeout).Registered(2100, "c1", "s1");

        var f = Measure(trial);

        Assert.That((f.Failovers, f.FalseFailovers, f.Failover.Count), Is.EqualTo((1, 1, 0)));
    }

    [Test]
    public void DeathWhileOnlyALatencyFaultApplies_IsFalse()
    {
        var trial = new TrialBuilder().AllOn("s0")
            .Fault(1000, 0, FaultType.Latency, "s0", "c0", "c1", "c2")
            .Dead(1500, "c0", "s0", DeadReason.HeartbeatTimeout);

        Assert.That(Measure(trial).FalseFailovers, Is.EqualTo(1));
    }

    [Test]
    public void LinkFault_HitsOnlyTheTargetedClientsOnThatServer()
    {
        var trial = new TrialBuilder().Registered(-100, "c0", "s0").Registered(-100, "c1", "s0").Registered(-100, "c2", "s1")
            .Fault(1000, 0, FaultType.Partition, "s0", "c1", "c2")
            .Dead(1300, "c1", "s0", DeadReason.HeartbeatTimeout)
            .Registered(1400, "c1", "s1")
            .Ended(3000, 0, "c1", "c2")
            .Registered(4200, "c1", "s0", failback: true);

        var f = Measure(trial);

        Assert.Multiple(() =>
        {
            Assert.That(f.Detection.Select(s => (s.Client, s.Ms)), Is.EqualTo(new[] { ("c1", 300.0) }), "c0 not targeted; c2 not on s0");
            Assert.That(Ms(f.Failover), Is.EqualTo(new[] { 400.0 }));
            Assert.That(Ms(f.Failback), Is.EqualTo(new[] { 1200.0 }), "from the heal of c1's link at 3000");
            Assert.That((f.Undetected, f.FalseFailovers), Is.EqualTo((0, 0)));
        });
    }

    [Test]
    public void PartialHeal_EndsTheFaultOnlyForTheHealedClients()
    {
        var trial = new TrialBuilder().Registered(-100, "c0", "s0").Registered(-100, "c1", "s0")
            .Fault(1000, 0, FaultType.Blackhole, "s0", "c0", "c1")
            .Dead(1300, "c0", "s0").Dead(1310, "c1", "s0")
            .Registered(1400, "c0", "s1").Registered(1400, "c1", "s1")
            .Ended(2000, 0, "c0")
            .Ended(2500, 0, "c1")
            .Registered(3000, "c0", "s0", failback: true).Registered(3000, "c1", "s0", failback: true);

        Assert.That(Measure(trial).Failback.Select(s => (s.Client, s.Ms)), Is.EqualTo(new[] { ("c0", 1000.0), ("c1", 500.0) }));
    }

    [Test]
    public void Refuse_HitsNoEstablishedConnection_ButExplainsADeath()
    {
        var trial = new TrialBuilder().AllOn("s0")
            .Fault(1000, 0, FaultType.Refuse, "s0", "c0", "c1", "c2")
            .Dead(1500, "c2", "s0");

        var f = Measure(trial);

        Assert.That((f.Undetected, f.Detection.Count, f.FalseFailovers, f.Failovers), Is.EqualTo((0, 0, 0, 1)));
    }

    [Test]
    public void Reset_IsAnInstant_SoReturningToTheSameServerIsAFailoverNotAFailback()
    {
        var trial = new TrialBuilder(clients: 2).AllOn("s0")
            .Fault(1000, 0, FaultType.Reset, "s0", "c0")
            .Dead(1002, "c0", "s0")
            .Registered(1050, "c0", "s0");

        var f = Measure(trial);

        Assert.That((Ms(f.Detection).Single(), Ms(f.Failover).Single(), f.Failback.Count, f.FalseFailovers), Is.EqualTo((2.0, 50.0, 0, 0)));
    }

    [Test]
    public void TwoFaultsOnOneConnection_CountOneDetection_FromTheEarlier()
    {
        var trial = new TrialBuilder(clients: 1).AllOn("s0")
            .Fault(1000, 0, FaultType.Partition, "s0", "c0")
            .Fault(1100, 1, FaultType.Crash, "s0")
            .Dead(1101, "c0", "s0")
            .Registered(1200, "c0", "s1");

        var f = Measure(trial);

        Assert.That(f.Detection.Select(s => (s.FaultIndex, s.Ms)), Is.EqualTo(new[] { (0, 101.0) }));
        Assert.That((f.Undetected, f.Failovers), Is.EqualTo((0, 1)));
    }

    [Test]
    public void Cascade_TwoFailovers_OneFailbackStraightToThePrimary()
    {
        var trial = new TrialBuilder(clients: 1).AllOn("s0")
            .Fault(1000, 0, FaultType.Crash, "s0").Dead(1001, "c0", "s0").Registered(1100, "c0", "s1")
            .Fault(2500, 1, FaultType.Crash, "s1").Dead(2501, "c0", "s1").Registered(2600, "c0", "s2")
            .Fault(4000, 2, FaultType.Restart, "s0").Ended(4000, 0)
            .Fault(4500, 3, FaultType.Restart, "s1").Ended(4500, 1)
            .Registered(5100, "c0", "s0", failback: true);

        var f = Measure(trial);

        Assert.That(f.Detection.Select(s => (s.FaultIndex, s.Ms)), Is.EqualTo(new[] { (0, 1.0), (1, 1.0) }));
        Assert.That(Ms(f.Failover), Is.EqualTo(new[] { 100.0, 100.0 }));
        Assert.That(f.Failback.Select(s => (s.FaultIndex, s.Ms)), Is.EqualTo(new[] { (0, 1100.0) }));
        Assert.That((f.Failovers, f.Failbacks), Is.EqualTo((2, 1)));
    }

    [Test]
    public void Flapping_FailbackCountsFromTheLastReturn()
    {
        var trial = new TrialBuilder(clients: 1).AllOn("s0")
            .Fault(1000, 0, FaultType.Crash, "s0").Dead(1001, "c0", "s0").Registered(1050, "c0", "s1")
            .Fault(1500, 1, FaultType.Restart, "s0").Ended(1500, 0)
            .Fault(2000, 2, FaultType.Crash, "s0")
            .Fault(2500, 3, FaultType.Restart, "s0").Ended(2500, 2)
            .Fault(3000, 4, FaultType.Crash, "s0")
            .Fault(3500, 5, FaultType.Restart, "s0").Ended(3500, 4)
            .Registered(5000, "c0", "s0", failback: true);

        var f = Measure(trial);

        Assert.That(Ms(f.Failback), Is.EqualTo(new[] { 1500.0 }));
        Assert.That((f.Detection.Count, f.Undetected, f.Failovers), Is.EqualTo((1, 0, 1)), "the later crashes found nobody on s0");
    }

    [Test]
    public void AllDown_ReturningToThePrimary_IsBothTheFailoverAndAFailback()
    {
        var trial = new TrialBuilder(servers: 2, clients: 1).AllOn("s0")
            .Fault(1000, 0, FaultType.Crash, "s0").Fault(1000, 1, FaultType.Crash, "s1")
            .Dead(1001, "c0", "s0")
            .Fault(3000, 2, FaultType.Restart, "s0").Ended(3000, 0)
            .Fault(3000, 3, FaultType.Restart, "s1").Ended(3000, 1)
            .Registered(3100, "c0", "s0");

        var f = Measure(trial);

        Assert.That((Ms(f.Failover).Single(), Ms(f.Failback).Single(), f.Failbacks), Is.EqualTo((2100.0, 100.0, 0)));
    }

    [Test]
    public void ReturnToAServerAfterAnotherFailover_IsNotAFailback()
    {
        var trial = new TrialBuilder(clients: 1).AllOn("s1")
            .Fault(1000, 0, FaultType.Crash, "s1").Dead(1001, "c0", "s1").Registered(1100, "c0", "s0")
            .Fault(2000, 1, FaultType.Restart, "s1").Ended(2000, 0)
            .Fault(3000, 2, FaultType.Crash, "s0").Dead(3001, "c0", "s0").Registered(3050, "c0", "s1");

        Assert.That(Measure(trial).Failback, Is.Empty);
    }

    [Test]
    public void GracefulShutdown_IsDetectedWhenTheClientIsToldToMove()
    {
        var trial = new TrialBuilder(clients: 1).AllOn("s0")
            .Fault(1000, 0, FaultType.Shutdown, "s0")
            .Dead(1003, "c0", "s0", DeadReason.ServerShutdown)
            .Registered(1060, "c0", "s1");

        var f = Measure(trial);

        Assert.That((Ms(f.Detection).Single(), Ms(f.Failover).Single(), f.FalseFailovers), Is.EqualTo((3.0, 60.0, 0)));
    }

    [Test]
    public void SameMillisecond_JournalOrderDecides()
    {
        var caused = new TrialBuilder(clients: 1).AllOn("s0").Fault(1000, 0, FaultType.Crash, "s0").Dead(1000, "c0", "s0");
        var before = new TrialBuilder(clients: 1).AllOn("s0").Dead(1000, "c0", "s0").Fault(1000, 0, FaultType.Crash, "s0");

        Assert.That((Measure(caused).FalseFailovers, Ms(Measure(caused).Detection).Single()), Is.EqualTo((0, 0.0)));
        Assert.That((Measure(before).FalseFailovers, Measure(before).Detection.Count), Is.EqualTo((1, 0)), "dead before the fault was applied");
    }

    [Test]
    public void EventsJournaledOutOfTimeOrder_AreReadInTimeOrder()
    {
        var trial = new TrialBuilder(clients: 1)
            .Registered(1100, "c0", "s1")
            .Dead(1005, "c0", "s0")
            .Fault(1000, 0, FaultType.Crash, "s0")
            .Registered(-100, "c0", "s0");

        var f = Measure(trial);

        Assert.That((Ms(f.Detection).Single(), Ms(f.Failover).Single(), f.FalseFailovers), Is.EqualTo((5.0, 100.0, 0)));
    }

    [Test]
    public void FailedSends_AreCounted()
    {
        var trial = new TrialBuilder().AllOn("s0").SendFailed(100, "c0").SendFailed(200, "c1");

        Assert.That(Measure(trial).FailedSends, Is.EqualTo(2));
    }

    [Test]
    public void Ledger_IsCheckedOverTheTrialsDeliveries()
    {
        var trial = new TrialBuilder().AllOn("s0")
            .Send(100, "c0", out var m1).Send(200, "c0", out var m2).Send(300, "c1", out var m3, acked: false)
            .Deliver(150, "c1", "c0", m1).Deliver(250, "c1", "c0", m2)
            .Deliver(250, "c2", "c0", m2).Deliver(260, "c2", "c0", m1).Deliver(270, "c2", "c0", m1);

        var ledger = Measure(trial).Ledger;

        Assert.That(ledger, Is.EqualTo(new LedgerCounts(Sent: 3, Acknowledged: 2, Delivered: 5, Lost: 0, Duplicated: 1, Reordered: 1, Unacked: 1, Unexpected: 0)));
        _ = m3;
    }

    [Test]
    public void Chart_HasALanePerClient_AndAWindowPerFault()
    {
        var trial = CrashOfPrimary().Send(1200, "c2", out var sent).Deliver(1250, "c0", "c2", sent);

        var chart = Measure(trial).Chart!;

        Assert.Multiple(() =>
        {
            Assert.That(chart.Lanes.Select(l => l.Client), Is.EqualTo(new[] { "c0", "c1", "c2" }));
            Assert.That(chart.Lanes[0].Spans.Select(s => (s.Server, s.FromMs, s.ToMs)), Is.EqualTo(new[] { ("s0", 0.0, 1005.0), ("s1", 1100.0, 4100.0), ("s0", 4100.0, 10_000.0) }));
            Assert.That(chart.FaultWindows.Select(w => (w.Label, w.FromMs, w.ToMs, w.Breaking)), Is.EqualTo(new[] { ("crash s0", 1000.0, 3000.0, true) }));
            Assert.That(chart.Latencies.Select(l => (l.SentAtMs, l.LatencyMs)), Is.EqualTo(new[] { (1200.0, 50.0) }));
        });
    }
}
