using ApartiumChat.Reports.Charts;
using ApartiumChat.Reports.Document;
using ApartiumChat.Reports.Results;

namespace ApartiumChat.Reports.Tests;

public sealed class DocumentTests
{
    [TestCase("a_b*c", "a\\_b\\*c")]
    [TestCase("x | y", "x \\| y")]
    [TestCase("p99 <= 50", "p99 <= 50")]
    [TestCase("<script>", "\\<script>")]
    [TestCase("> quote", "\\> quote")]
    [TestCase("[link](x)", "\\[link\\](x)")]
    public void Markdown_EscapesMarkupOnly(string text, string expected)
    {
        Assert.That(MarkdownRenderer.Escape(text), Is.EqualTo(expected));
    }

    [Test]
    public void Html_EncodesText_AndSaysWhenAChartIsMissing()
    {
        var html = HtmlRenderer.Render(
            [new ParagraphBlock("<b>&"), new ImageBlock("gone.png", "alt", "caption")],
            "t",
            _ => null);

        Assert.That(html, Does.Contain("<p>&lt;b&gt;&amp;</p>"));
        Assert.That(html, Does.Contain("(chart gone.png is missing)"));
        Assert.That(html, Does.Not.Contain("<img"));
    }

    [Test]
    public void FailingRun_ReproduceSection_GivesTheTrialSeedOfEachFailingTrial()
    {
        var blocks = ReportBuilder.Build(SampleRuns.Failing(), []);
        var code = blocks.OfType<CodeBlock>().Select(c => c.Text).ToList();

        Assert.That(code[0], Is.EqualTo("apartium scenario run scenarios/crash-primary.json --seed 1 --trials 3 --mode tcp"));
        Assert.That(code[1], Does.Contain("--trial-seed 1002   # trial 2: lost").And.Contain("--trial-seed 1003   # trial 3: broken"));
    }

    [Test]
    public void ReplayedRun_ReproducesWithTheTrialSeed()
    {
        var blocks = ReportBuilder.Build(SampleRuns.Passing() with { ReplayedTrialSeed = 77, ScenarioPath = "my scenarios/x.json" }, []);

        Assert.That(blocks.OfType<CodeBlock>().First().Text, Is.EqualTo("apartium scenario run 'my scenarios/x.json' --mode tcp --trial-seed 77"));
    }

    [Test]
    public void RunWithoutExpectations_SaysItPassesWhateverItMeasured()
    {
        var blocks = ReportBuilder.Build(SampleRuns.Passing() with { Expectations = [] }, []);

        Assert.That(blocks.OfType<ParagraphBlock>().Select(p => p.Text), Has.Some.StartsWith("The scenario sets no expectation"));
    }

    [Test]
    public void Charts_WithOneOrEqualSamples_StillRender()
    {
        Assert.That(ChartRenderer.FailoverCdf([new SampleSeries("crash", [42])]).Png, Is.Not.Empty);
        Assert.That(ChartRenderer.DetectionHistogram([5, 5, 5]).Png, Is.Not.Empty);
        Assert.That(ChartRenderer.DetectionHistogram([0]).Caption, Does.StartWith("1 sample over every trial"));
    }

    [TestCase(1.354, 4.678, 7, 1.0, 0.5, 8)] // the report in which the last bar was cut off
    [TestCase(300.2, 343.9, 12, 300.0, 5.0, 9)]
    [TestCase(5.0, 5.0, 5, 5.0, 0.2, 1)]
    [TestCase(0.0, 10.0, 5, 0.0, 2.0, 6)] // the largest sample on an edge opens one more bin
    public void HistogramBins_AreRound_AndHoldEverySample(double min, double max, int target, double start, double width, int bins)
    {
        var actual = ChartRenderer.HistogramBins(min, max, target);

        Assert.That(actual.Start, Is.EqualTo(start).Within(1e-9));
        Assert.That(actual.Width, Is.EqualTo(width).Within(1e-9));
        Assert.That(actual.Bins, Is.EqualTo(bins));
        Assert.That(actual.Start, Is.LessThanOrEqualTo(min));
        Assert.That(actual.Start + (actual.Bins * actual.Width), Is.GreaterThan(max));
    }

    [Test]
    public void ChartCaptions_ExplainOnlyTheShadingTheChartHas()
    {
        var crash = new FaultWindow("crash s0", 1000, 3500, Breaking: true);
        var latency = new FaultWindow("latency", 1000, 3500, Breaking: false);

        Assert.That(ChartRenderer.ShadingNote([crash]), Is.EqualTo(" Shaded: faults (red)."));
        Assert.That(ChartRenderer.ShadingNote([latency]), Is.EqualTo(" Shaded: slowing faults (grey)."));
        Assert.That(ChartRenderer.ShadingNote([crash, latency]), Is.EqualTo(" Shaded: breaking faults (red) and slowing faults (grey)."));
        Assert.That(ChartRenderer.ShadingNote([]), Is.Empty);
    }

    [Test]
    public void DetectionHistogram_CaptionGivesTheExactBinWidth()
    {
        Assert.That(ChartRenderer.DetectionHistogram([1.354, 2.0, 3.1, 4.678]).Caption, Is.EqualTo("4 samples over every trial, 4 bins of 1 ms from 1 ms."));
    }

    [Test]
    public void Timeline_WithManyLanes_GrowsTallerButStaysBounded()
    {
        var lanes = Enumerable.Range(0, 200).Select(i => new ClientLane($"c{i}", [new ServerSpan("s0", 0, 1000)])).ToList();
        var chart = ChartRenderer.Timeline(new TrialTimeline(1, 1, 1000, ["s0"], lanes, [], 500));

        using var bitmap = SkiaSharp.SKBitmap.Decode(chart.Png);
        Assert.That(bitmap.Height, Is.EqualTo(1400));
        Assert.That(chart.Caption, Does.EndWith("The first 200 of 500 clients are shown."));
    }
}
