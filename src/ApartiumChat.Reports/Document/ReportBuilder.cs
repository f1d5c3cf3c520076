using ApartiumChat.Reports.Charts;
using ApartiumChat.Reports.Results;
using ApartiumChat.Reports.Summary;

namespace ApartiumChat.Reports.Document;

/// <summary>
/// Lays out a report: the verdict and the few figures that matter first, then expectations,
/// every figure, the charts and the trials, and last how to reproduce the run.
/// </summary>
public static partial class ReportBuilder
{
    /// <summary>Trials listed in the report itself; trials.csv has them all.</summary>
    public const int MaxTrialRows = 100;

    /// <summary>Failing trials given a replay command.</summary>
    public const int MaxReplayCommands = 5;

    public static IReadOnlyList<ReportBlock> Build(RunResult result, IReadOnlyList<ChartFile> charts)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(charts);
        var blocks = new List<ReportBlock>();
        AddVerdict(blocks, result);
        AddKeyFigures(blocks, result);
        AddExpectations(blocks, result);
        AddAllFigures(blocks, result);
        AddCharts(blocks, charts);
        AddTrials(blocks, result);
        AddNotes(blocks, result);
        AddReproduce(blocks, result);
        return blocks;
    }

    private static void AddVerdict(List<ReportBlock> blocks, RunResult result)
    {
        var broken = result.BrokenTrials.ToList();
        var word = broken.Count > 0 ? "BROKEN" : result.Verdict == RunVerdict.Pass ? "PASS" : "FAIL";
        blocks.Add(new HeadingBlock(1, $"{result.ScenarioName}: {word}"));
        var runs = $"{Trials(result.TrialResults.Count)} ({result.Mode}, seed {result.Seed}{(result.ReplayedTrialSeed is { } r ? $", replaying trial seed {r}" : "")}, started {result.StartedUtc.ToUniversalTime():yyyy-MM-dd HH:mm:ss} UTC)";
        if (broken.Count > 0)
        {
            var which = string.Join("; ", broken.Take(5).Select(t => $"trial {t.Index} (seed {t.Seed}): {t.Error}"));
            blocks.Add(new CalloutBlock(CalloutTone.Fail, "BROKEN", $"{broken.Count} of {Trials(result.TrialResults.Count)} could not be run, so the run proves nothing: {which}."));
        }
        else if (result.Verdict == RunVerdict.Pass)
        {
            blocks.Add(new CalloutBlock(CalloutTone.Pass, "PASS", $"Every expectation held over {runs}."));
        }
        else
        {
            var failed = result.Expectations.Where(e => !e.Held).ToList();
            var what = string.Join("; ", failed.Select(FailureText));
            blocks.Add(new CalloutBlock(CalloutTone.Fail, "FAIL", $"{failed.Count} of {result.Expectations.Count} expectations failed over {runs}: {what}."));
        }

        if (result.Simulated)
        {
            blocks.Add(new CalloutBlock(CalloutTone.Info, "Simulated run.", "In-memory network and virtual time: every time in this report is virtual milliseconds, and each trial replays exactly from its seed."));
        }

        if (result.Description.Length > 0)
        {
            blocks.Add(new ParagraphBlock(result.Description));
        }
    }

    private static string FailureText(ExpectationOutcome e) =>
        e.Actual.IsNone
            ? $"{e.Figure} {e.Comparison} {e.Bound} has {e.Note ?? "no value"}"
            : $"{e.Figure} is {e.Actual}, bound {e.Comparison} {e.Bound}";

    private static void AddKeyFigures(List<ReportBlock> blocks, RunResult result)
    {
        var f = result.Figures;
        blocks.Add(new HeadingBlock(2, "Key figures"));
        var rows = new List<IReadOnlyList<string>>();
        foreach (var name in FigureNames.Timings)
        {
            var t = f.Timing(name);
            rows.Add([name, t.N == 0 ? "no sample" : $"p50 {ReportFormat.Ms(t.P50)} ms, p99 {ReportFormat.Ms(t.P99)} ms, max {ReportFormat.Ms(t.Max)} ms (n={t.N})"]);
        }

        rows.Add(["messages", $"{f.Count(FigureNames.Sent)} sent, {f.Count(FigureNames.Acknowledged)} acknowledged, {f.Count(FigureNames.Delivered)} delivered"]);
        rows.Add(["ledger", $"{f.Count(FigureNames.Lost)} lost, {f.Count(FigureNames.Duplicated)} duplicated, {f.Count(FigureNames.Reordered)} reordered, {f.Count(FigureNames.Unacked)} unacked"]);
        rows.Add(["moves", $"{f.Count(FigureNames.Failovers)} failovers ({f.Count(FigureNames.FalseFailovers)} false), {f.Count(FigureNames.Failbacks)} fail-backs, {f.Count(FigureNames.Undetected)} undetected, {f.Count(FigureNames.FailedSends)} failed sends"]);
        blocks.Add(new TableBlock(["figure", "over every trial"], rows));
    }

    private static void AddExpectations(List<ReportBlock> blocks, RunResult result)
    {
        blocks.Add(new HeadingBlock(2, "Expectations"));
        if (result.Expectations.Count == 0)
        {
            blocks.Add(new ParagraphBlock("The scenario sets no expectation, so the run passes whatever it measured."));
            return;
        }

        blocks.Add(new ParagraphBlock("Counts bound the sum over all trials; timings bound the nearest-rank percentile over every sample of every trial (no sample fails); failovers and failbacks bound each trial."));
        var rows = result.Expectations
            .Select(e => (IReadOnlyList<string>)[e.Figure, $"{e.Comparison} {e.Bound}", e.Actual.ToString(), e.Held ? "held" : "FAILED", e.Note ?? ""])
            .ToList();
        blocks.Add(new TableBlock(["figure", "bound", "actual", "verdict", "note"], rows));
    }

    private static void AddAllFigures(List<ReportBlock> blocks, RunResult result)
    {
        blocks.Add(new HeadingBlock(2, "All figures"));
        blocks.Add(new ParagraphBlock("Timings in milliseconds, nearest-rank percentiles over every sample of every trial; counts summed over all trials."));
        var table = SummaryTable.From(result);
        var rows = table.Rows
            .Select(r => (IReadOnlyList<string>)[r.Figure, r.N, r.P50, r.P90, r.P99, r.MaxOrCount, r.Bound, r.Verdict])
            .ToList();
        blocks.Add(new TableBlock(SummaryTable.Headers, rows));
    }

    private static void AddCharts(List<ReportBlock> blocks, IReadOnlyList<ChartFile> charts)
    {
        if (charts.Count == 0)
        {
            return;
        }

        blocks.Add(new HeadingBlock(2, "Charts"));
        foreach (var chart in charts)
        {
            blocks.Add(new ImageBlock(chart.FileName, chart.Title, chart.Caption));
        }
    }

    private static string Trials(int n) => n == 1 ? "1 trial" : $"{n} trials";
}
