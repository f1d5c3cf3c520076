using ApartiumChat.Reports.Summary;

namespace ApartiumChat.Reports.Tests;

public sealed class SummaryTableTests
{
    [Test]
    public void Rows_CoverEveryFigure_WithBoundsAndVerdicts()
    {
        var table = SummaryTable.From(SampleRuns.Passing());
        var detection = table.Rows.Single(r => r.Figure == "detectionMs");
        var failovers = table.Rows.Single(r => r.Figure == "failovers");
        var endOn = table.Rows.Single(r => r.Figure == "endOn");

        Assert.Multiple(() =>
        {
            Assert.That(table.Rows.Select(r => r.Figure), Is.EqualTo(new[]
            {
                "detectionMs", "failoverMs", "firstDeliveryMs", "failbackMs", "lost", "duplicated", "reordered", "unacked", "undetected",
                "failovers", "failbacks", "falseFailovers", "failedSends", "sent", "acknowledged", "delivered", "endOn",
            }));
            Assert.That((detection.N, detection.Bound, detection.Verdict), Is.EqualTo(("48", "p99 <= 50", "held")));
            Assert.That((failovers.MaxOrCount, failovers.Bound, failovers.Held), Is.EqualTo(("24", "min >= 8, max <= 8", (bool?)true)));
            Assert.That((endOn.MaxOrCount, endOn.Bound, endOn.Verdict), Is.EqualTo(("s0", "= s0", "held")));
            Assert.That(table.Rows.Single(r => r.Figure == "duplicated").Verdict, Is.EqualTo(""), "nothing bounds it");
            Assert.That(table.Verdict, Is.EqualTo("PASS: every expectation held"));
            Assert.That(table.Title, Is.EqualTo("crash-primary: 3 trial(s), tcp, seed 1"));
        });
    }

    [Test]
    public void FailedRun_SaysWhatFailed_AndBrokenRunWhichTrials()
    {
        var failing = SampleRuns.Failing();
        var table = SummaryTable.From(failing);

        Assert.That(table.Rows.Single(r => r.Figure == "failbackMs").Verdict, Is.EqualTo("FAILED"));
        Assert.That(table.Rows.Single(r => r.Figure == "failbackMs").P99, Is.EqualTo("-"));
        Assert.That(table.Verdict, Is.EqualTo("BROKEN: 1 trial(s) could not run (#3)"));
        Assert.That(SummaryTable.VerdictText(failing with { TrialResults = failing.TrialResults.Take(2).ToList() }), Is.EqualTo("FAIL: lost, failbackMs.p99"));
    }
}
