using System.Text.Json;
using System.Text.RegularExpressions;
using ApartiumChat.Reports.Charts;
using SkiaSharp;

namespace ApartiumChat.Reports.Tests;

public sealed partial class ReportWriterTests
{
    private string _directory = "";

    [SetUp]
    public void CreateDirectory() =>
        _directory = Path.Combine(Path.GetTempPath(), "apartium-report-" + TestContext.CurrentContext.Test.ID);

    [TearDown]
    public void RemoveDirectory()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Test]
    public async Task Write_PutsEveryFileInTheFolder()
    {
        var written = await ReportWriter.WriteAsync(SampleRuns.Passing(), _directory, CancellationToken.None);

        Assert.That(written.Files.Select(Path.GetFileName), Is.EquivalentTo(new[]
        {
            "report.md", "report.html", "results.json", "trials.csv",
            ChartRenderer.FailoverCdfFile, ChartRenderer.DetectionHistogramFile, ChartRenderer.TimelineFile, ChartRenderer.DeliveryLatencyFile,
        }));
        Assert.That(written.Files, Has.All.Matches<string>(f => new FileInfo(f).Length > 0));
    }

    [TestCase("passing")]
    [TestCase("failing")]
    [TestCase("empty")]
    public async Task Charts_ArePngsThatDecode(string run)
    {
        var result = run switch { "passing" => SampleRuns.Passing(), "failing" => SampleRuns.Failing(), _ => SampleRuns.Empty() };

        await ReportWriter.WriteAsync(result, _directory, CancellationToken.None);

        foreach (var png in Directory.GetFiles(_directory, "*.png"))
        {
            using var bitmap = SKBitmap.Decode(png);
            Assert.That(bitmap, Is.Not.Null, png);
            Assert.That((bitmap.Width, bitmap.Height > 300), Is.EqualTo((960, true)), png);
        }
    }

    [Test]
    public async Task Html_IsSelfContained()
    {
        await ReportWriter.WriteAsync(SampleRuns.Passing(), _directory, CancellationToken.None);
        var html = await File.ReadAllTextAsync(Path.Combine(_directory, "report.html"));

        Assert.That(SrcOrHref().Matches(html).Select(m => m.Groups[1].Value), Has.All.StartsWith("data:image/png;base64,"));
        Assert.That(SrcOrHref().Matches(html), Has.Count.EqualTo(4), "four charts, all inline");
        Assert.That(html, Does.Not.Contain("<link").And.Not.Contain("<script").And.Not.Contain("@import").And.Not.Contain("url("));
        Assert.That(html, Does.Contain("<style>"));
    }

    [Test]
    public async Task MarkdownAndHtml_SayTheSameThing()
    {
        await ReportWriter.WriteAsync(SampleRuns.Failing(), _directory, CancellationToken.None);
        var md = await File.ReadAllTextAsync(Path.Combine(_directory, "report.md"));
        var html = await File.ReadAllTextAsync(Path.Combine(_directory, "report.html"));

        foreach (var phrase in new[] { "crash-primary: BROKEN", "Key figures", "Expectations", "All figures", "Charts", "Trials", "How to reproduce", "--trial-seed 1002", "server s1 did not start: address in use" })
        {
            Assert.That(md, Does.Contain(phrase), $"markdown: {phrase}");
            Assert.That(html, Does.Contain(phrase), $"html: {phrase}");
        }

        Assert.That(md, Does.Contain("](failover-cdf.png)"), "the Markdown links its charts beside it");
    }

    [Test]
    public async Task Report_StartsWithTheVerdict_AndEndsWithHowToReproduce()
    {
        await ReportWriter.WriteAsync(SampleRuns.Passing(), _directory, CancellationToken.None);
        var md = await File.ReadAllTextAsync(Path.Combine(_directory, "report.md"));

        Assert.That(md, Does.StartWith("# crash-primary: PASS\n\n> **PASS** Every expectation held over 3 trials (tcp, seed 1, started 2030-05-06 07:08:09 UTC)."));
        Assert.That(md.IndexOf("## Key figures", StringComparison.Ordinal), Is.LessThan(md.IndexOf("## Charts", StringComparison.Ordinal)));
        Assert.That(md.IndexOf("## How to reproduce", StringComparison.Ordinal), Is.GreaterThan(md.IndexOf("## Trials", StringComparison.Ordinal)));
        Assert.That(md, Does.Contain("```\napartium scenario run scenarios/crash-primary.json --seed 1 --trials 3 --mode tcp\n```"));
    }

    [Test]
    public async Task SimulatedRun_IsMarkedSimulated()
    {
        await ReportWriter.WriteAsync(SampleRuns.Empty(), _directory, CancellationToken.None);
        var md = await File.ReadAllTextAsync(Path.Combine(_directory, "report.md"));
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_directory, "results.json")));

        Assert.That(md, Does.Contain("> **Simulated run.** In-memory network and virtual time"));
        Assert.That(json.RootElement.GetProperty("simulated").GetBoolean(), Is.True);
    }

    [Test]
    public void NewRunDirectory_IsNamedAfterTheScenarioAndTheUtcTime_AndNeverReused()
    {
        var first = ReportWriter.NewRunDirectory(_directory, "crash-primary", SampleRuns.Started.ToOffset(TimeSpan.FromHours(2)));
        Directory.CreateDirectory(first);
        var second = ReportWriter.NewRunDirectory(_directory, "crash-primary", SampleRuns.Started);

        Assert.That(first, Is.EqualTo(Path.Combine(_directory, "crash-primary", "20300506T070809Z")));
        Assert.That(second, Is.EqualTo(first + "-2"));
    }

    [GeneratedRegex("(?:src|href)\\s*=\\s*\"([^\"]*)\"")]
    private static partial Regex SrcOrHref();
}
