using ApartiumChat.Reports.Results;
using ApartiumChat.Scenarios.Measurement;
using ApartiumChat.Scenarios.Model;

namespace ApartiumChat.Scenarios.Tests.Measurement;

public sealed class ExpectationEvaluatorTests
{
    private static TimingSample[] Samples(params double[] ms) => ms.Select(m => new TimingSample(m, "c0", 0, FaultType.Crash)).ToArray();

    private static TrialFigures Trial(
        long lost = 0, int failovers = 0, int failbacks = 0, double[]? detection = null, string?[]? finals = null) => new()
        {
            Ledger = LedgerCounts.Empty with { Lost = lost },
            Failovers = failovers,
            Failbacks = failbacks,
            Detection = Samples(detection ?? []),
            FinalServers = (finals ?? ["s0"]).Select((s, i) => ($"c{i}", s)).ToList(),
        };

    private static ExpectationOutcome Only(Expectations expect, params TrialFigures[] trials) =>
        ExpectationEvaluator.Evaluate(expect, trials).Single();

    [Test]
    public void Count_BoundsTheSumOverTrials()
    {
        var outcome = Only(new Expectations { Lost = 2 }, Trial(lost: 1), Trial(lost: 2));

        Assert.That(outcome, Is.EqualTo(new ExpectationOutcome("lost", "<=", FigureValue.Of(2), FigureValue.Of(3), false)));
        Assert.That(Only(new Expectations { Lost = 3 }, Trial(lost: 1), Trial(lost: 2)).Held, Is.True);
    }

    [Test]
    public void Timing_BoundsPercentilesOverEverySampleOfEveryTrial()
    {
        var trials = new[] { Trial(detection: [10, 20, 30]), Trial(detection: [40, 50]) };
        var outcomes = ExpectationEvaluator.Evaluate(new Expectations { DetectionMs = new TimingBound { P50 = 30, P99 = 45, Max = 50 } }, trials);

        Assert.That(outcomes.Select(o => (o.Figure, o.Actual.Number, o.Held)), Is.EqualTo(new[]
        {
            ("detectionMs.p50", (double?)30, true), ("detectionMs.p99", 50, false), ("detectionMs.max", 50, true),
        }));
        Assert.That(outcomes[0].Note, Is.EqualTo("n=5"));
    }

    [Test]
    public void Timing_WithNoSample_Fails()
    {
        var outcome = Only(new Expectations { FailoverMs = new TimingBound { P99 = 1000 } }, Trial(), Trial());

        Assert.That((outcome.Held, outcome.Actual.IsNone, outcome.Note), Is.EqualTo((false, true, "no sample")));
    }

    [Test]
    public void FailoverRange_AppliesToEachTrial()
    {
        var trials = new[] { Trial(failovers: 8), Trial(failovers: 7), Trial(failovers: 9) };
        var outcomes = ExpectationEvaluator.Evaluate(new Expectations { Failovers = new CountRange { Min = 8, Max = 9 } }, trials);

        Assert.That(outcomes.Select(o => (o.Figure, o.Comparison, o.Actual.Number, o.Held, o.Note)), Is.EqualTo(new[]
        {
            ("failovers.min", ">=", (double?)7, false, "per trial; 1 of 3 trials outside"),
            ("failovers.max", "<=", (double?)9, true, "per trial; every trial within"),
        }));
        Assert.That(ExpectationEvaluator.Evaluate(new Expectations { Failovers = new CountRange { Max = 24 } }, trials).Single().Held, Is.True, "the sum 24 is not what is bounded");
    }

    [Test]
    public void EndOn_RequiresEveryClientOfEveryTrialOnTheServer()
    {
        var held = Only(new Expectations { EndOn = "s0" }, Trial(finals: ["s0", "s0"]), Trial(finals: ["s0"]));
        var failed = Only(new Expectations { EndOn = "s0" }, Trial(finals: ["s0", "s1"]), Trial(finals: [null, "s0"]));

        Assert.That((held.Held, held.Actual.Text), Is.EqualTo((true, "s0")));
        Assert.That((failed.Held, failed.Actual.Text, failed.Note), Is.EqualTo((false, "s0: 2, s1: 1, none: 1", "2 of 4 client endings elsewhere")));
    }

    [Test]
    public void Expectations_ComeInAFixedOrder()
    {
        var expect = new Expectations
        {
            EndOn = "s0",
            Failbacks = new CountRange { Min = 0 },
            FailoverMs = new TimingBound { Max = 1 },
            Unacked = 0,
            Lost = 0,
        };

        Assert.That(ExpectationEvaluator.Evaluate(expect, [Trial()]).Select(o => o.Figure), Is.EqualTo(new[]
        {
            "lost", "unacked", "failoverMs.max", "failbacks.min", "endOn",
        }));
    }

    [Test]
    public void NoExpectations_NothingToJudge()
    {
        Assert.That(ExpectationEvaluator.Evaluate(Expectations.None, [Trial(lost: 5)]), Is.Empty);
    }

    [Test]
    public void FailedBy_NamesWhatOneTrialBreaksOnItsOwn()
    {
        var expect = new Expectations
        {
            Lost = 0,
            DetectionMs = new TimingBound { Max = 100 },
            Failovers = new CountRange { Min = 1, Max = 1 },
            EndOn = "s0",
        };

        Assert.That(ExpectationEvaluator.FailedBy(expect, Trial(lost: 1, failovers: 2, detection: [150], finals: ["s1"])),
            Is.EqualTo(new[] { "lost", "detectionMs.max", "failovers.max", "endOn" }));
        Assert.That(ExpectationEvaluator.FailedBy(expect, Trial(failovers: 1, detection: [50])), Is.Empty);
    }
}
