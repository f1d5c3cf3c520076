using ApartiumChat.Reports.Results;
using ApartiumChat.Scenarios.Loading;
using ApartiumChat.Scenarios.Measurement;
using ApartiumChat.Scenarios.Model;
using ApartiumChat.Scenarios.Trials;
using static ApartiumChat.Scenarios.Tests.ScenarioText;

namespace ApartiumChat.Scenarios.Tests.Measurement;

public sealed class RunCollectorTests
{
    private static readonly DateTimeOffset Started = new(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private static Scenario Scenario(string expect) =>
        ScenarioLoader.Load(Doc("\"trials\": 3", "\"expect\": " + expect)).Scenario!;

    private static TrialFigures Crashes(int clientsHit, long lost = 0)
    {
        var trial = new TrialBuilder(clients: clientsHit).AllOn("s0").Fault(1000, 0, FaultType.Crash, "s0");
        for (var c = 0; c < clientsHit; c++)
        {
            trial.Dead(1000 + c + 1, $"c{c}", "s0").Registered(1100 + (10 * c), $"c{c}", "s1").Settle($"c{c}", "s1");
        }

        return TrialMeasurement.Measure(trial.Build()) with { Ledger = LedgerCounts.Empty with { Lost = lost } };
    }

    private static IReadOnlyList<PlannedTrial> Plan => TrialSeeds.Plan(1, 3);

    [Test]
    public void AllHeld_Passes_WithPooledFigures()
    {
        var collector = new RunCollector(Scenario("{\"lost\": 0, \"detectionMs\": {\"max\": 10}}"), "scenarios/t.json", Started);
        collector.AddMeasured(Plan[0], Crashes(2));
        collector.AddMeasured(Plan[1], Crashes(3));
        collector.AddMeasured(Plan[2], Crashes(1));

        var result = collector.Complete();

        Assert.Multiple(() =>
        {
            Assert.That((result.Verdict, result.ExitCode), Is.EqualTo((RunVerdict.Pass, 0)));
            Assert.That(result.Figures.Timing("detectionMs"), Is.EqualTo(new TimingSummary(6, 1, 3, 3, 3)));
            Assert.That(result.Figures.Count("failovers"), Is.EqualTo(6));
            Assert.That(result.TrialResults.Select(t => (t.Index, t.Seed)), Is.EqualTo(Plan.Select(p => (p.Index, p.Seed))));
            Assert.That(result.TrialResults[1].Figures.Count("failovers"), Is.EqualTo(3));
            Assert.That(result.Charts.FailoverByFaultKind.Single().Label, Is.EqualTo("crash"));
            Assert.That(result.Charts.DetectionSamples, Has.Count.EqualTo(6));
            Assert.That((result.ScenarioName, result.ScenarioPath, result.Mode, result.Seed, result.Trials), Is.EqualTo(("t", "scenarios/t.json", "tcp", 1L, 3)));
        });
    }

    [Test]
    public void FailedExpectation_Fails_AndTheChartsShowTheFirstFailingTrial()
    {
        var collector = new RunCollector(Scenario("{\"lost\": 0}"), "t.json", Started);
        collector.AddMeasured(Plan[0], Crashes(2));
        collector.AddMeasured(Plan[1], Crashes(2, lost: 4));
        collector.AddMeasured(Plan[2], Crashes(2, lost: 1));

        var result = collector.Complete();

        Assert.That((result.Verdict, result.ExitCode), Is.EqualTo((RunVerdict.Fail, 1)));
        Assert.That(result.TrialResults.Select(t => t.FailedExpectations.Count), Is.EqualTo(new[] { 0, 1, 1 }));
        Assert.That(result.Charts.Timeline!.TrialIndex, Is.EqualTo(2));
        Assert.That(result.Charts.Timeline.Seed, Is.EqualTo(Plan[1].Seed));
        Assert.That(result.Charts.Latency!.TrialIndex, Is.EqualTo(2));
    }

    [Test]
    public void BrokenTrial_IsReportedWithItsSeed_AndTheRunExits3()
    {
        var collector = new RunCollector(Scenario("{}"), "t.json", Started);
        collector.AddMeasured(Plan[0], Crashes(1));
        collector.AddBroken(Plan[1], "cluster never formed: s1 did not listen");

        var result = collector.Complete();

        var broken = result.TrialResults.Single(t => t.Broken);
        Assert.That((broken.Index, broken.Seed, broken.Error), Is.EqualTo((2, Plan[1].Seed, "cluster never formed: s1 did not listen")));
        Assert.That((result.Verdict, result.ExitCode), Is.EqualTo((RunVerdict.Fail, 3)));
        Assert.That(result.Figures.Count("failovers"), Is.EqualTo(1), "a broken trial adds no figures");
    }

    [Test]
    public void ReplayedTrial_IsOneTrial()
    {
        var collector = new RunCollector(Scenario("{}"), "t.json", Started, replayedTrialSeed: Plan[2].Seed);
        collector.AddMeasured(new PlannedTrial(3, Plan[2].Seed), Crashes(1));

        var result = collector.Complete();

        Assert.That((result.Trials, result.ReplayedTrialSeed, result.TrialResults.Single().Index), Is.EqualTo((1, (long?)Plan[2].Seed, 3)));
    }

    [Test]
    public void ChartData_IsKeptForOneTrialOnly()
    {
        var collector = new RunCollector(Scenario("{}"), "t.json", Started);
        collector.AddMeasured(Plan[0], Crashes(2));
        collector.AddMeasured(Plan[1], Crashes(2));

        var result = collector.Complete();

        Assert.That(result.Charts.Timeline!.TrialIndex, Is.EqualTo(1));
        Assert.That(result.Notes, Has.Some.EqualTo("The timeline and latency charts show trial 1, the first trial."));
    }

    [Test]
    public void TrialThatDidNotQuiesce_IsNoted()
    {
        var collector = new RunCollector(Scenario("{}"), "t.json", Started);
        collector.AddMeasured(Plan[0], Crashes(1) with { Quiesced = false });

        var result = collector.Complete();

        Assert.That(result.TrialResults.Single().Quiesced, Is.False);
        Assert.That(result.Notes[0], Is.EqualTo($"Trial 1 (seed {Plan[0].Seed}) did not quiesce within 10000 ms; what was still missing then counts as lost or unacked."));
    }
}
