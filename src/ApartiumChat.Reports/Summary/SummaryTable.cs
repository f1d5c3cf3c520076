using ApartiumChat.Reports.Results;

namespace ApartiumChat.Reports.Summary;

/// <summary>
/// The table printed at the end of a run: every figure (n, p50, p90, p99, max or count) with
/// its bound and verdict. A plain model: the command line renders it (with colours), the
/// Markdown and HTML reports render the same rows.
/// </summary>
public sealed record SummaryTable(string Title, string Verdict, IReadOnlyList<SummaryRow> Rows)
{
    public static IReadOnlyList<string> Headers { get; } = ["figure", "n", "p50", "p90", "p99", "max / count", "bound", "verdict"];

    public static SummaryTable From(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var rows = new List<SummaryRow>();
        foreach (var name in FigureNames.Timings)
        {
            var summary = result.Figures.Timing(name);
            var (bound, held) = Bounds(result.Expectations, name, prefixed: true);
            rows.Add(new SummaryRow(
                name,
                ReportFormat.Count(summary.N),
                ReportFormat.Ms(summary.P50),
                ReportFormat.Ms(summary.P90),
                ReportFormat.Ms(summary.P99),
                ReportFormat.Ms(summary.Max),
                bound,
                held));
        }

        foreach (var name in FigureNames.Counts)
        {
            var (bound, held) = Bounds(result.Expectations, name, prefixed: name is FigureNames.Failovers or FigureNames.Failbacks);
            rows.Add(new SummaryRow(name, "", "", "", "", ReportFormat.Count(result.Figures.Count(name)), bound, held));
        }

        if (result.Expectations.FirstOrDefault(e => e.Figure == FigureNames.EndOn) is { } endOn)
        {
            rows.Add(new SummaryRow(FigureNames.EndOn, "", "", "", "", endOn.Actual.ToString(), BoundText(endOn), endOn.Held));
        }

        var title = $"{result.ScenarioName}: {result.TrialResults.Count} trial(s), {result.Mode}{(result.Simulated ? " (simulated)" : "")}, seed {result.Seed}";
        return new SummaryTable(title, VerdictText(result), rows);
    }

    /// <summary>The verdict line: PASS, FAIL with what failed, or BROKEN with the trials that broke.</summary>
    public static string VerdictText(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var broken = result.BrokenTrials.Select(t => t.Index).ToList();
        if (broken.Count > 0)
        {
            return $"BROKEN: {broken.Count} trial(s) could not run ({string.Join(", ", broken.Take(10).Select(i => $"#{i}"))})";
        }

        if (result.Verdict == RunVerdict.Pass)
        {
            return "PASS: every expectation held";
        }

        var failed = result.Expectations.Where(e => !e.Held).Select(e => e.Figure).ToList();
        return failed.Count == 0 ? "FAIL" : $"FAIL: {string.Join(", ", failed)}";
    }

    private static (string Bound, bool? Held) Bounds(IReadOnlyList<ExpectationOutcome> expectations, string figure, bool prefixed)
    {
        var matching = expectations
            .Where(e => e.Figure == figure || (prefixed && e.Figure.StartsWith(figure + ".", StringComparison.Ordinal)))
            .ToList();
        if (matching.Count == 0)
        {
            return ("", null);
        }

        var text = string.Join(", ", matching.Select(BoundText));
        return (text, matching.All(e => e.Held));
    }

    /// <summary>How a bound reads: "&lt;= 0", "p99 &lt;= 50", "min 8".</summary>
    public static string BoundText(ExpectationOutcome expectation)
    {
        ArgumentNullException.ThrowIfNull(expectation);
        var dot = expectation.Figure.IndexOf('.', StringComparison.Ordinal);
        var qualifier = dot < 0 ? "" : expectation.Figure[(dot + 1)..] + " ";
        return $"{qualifier}{expectation.Comparison} {expectation.Bound}";
    }
}
