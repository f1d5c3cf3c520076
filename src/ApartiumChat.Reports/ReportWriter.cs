using System.Text;
using ApartiumChat.Reports.Charts;
using ApartiumChat.Reports.Document;
using ApartiumChat.Reports.Results;
using ApartiumChat.Reports.Writing;

namespace ApartiumChat.Reports;

/// <summary>
/// Writes a run's report folder: report.md and report.html (same content; the HTML embeds its
/// charts and style), results.json, trials.csv and the PNG charts.
/// </summary>
/// <remarks>
///   RunResult --+--> ChartRenderer --> *.png ----------+
///               +--> ReportBuilder --> blocks --> report.md
///               |                            \--> report.html (PNGs inlined)
///               +--> results.json, trials.csv
/// </remarks>
public static class ReportWriter
{
    public const string MarkdownFile = "report.md";
    public const string HtmlFile = "report.html";
    public const string ResultsJsonFile = "results.json";
    public const string TrialsCsvFile = "trials.csv";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// The default folder of a run: <c>&lt;reportsRoot&gt;/&lt;name&gt;/&lt;UTC timestamp&gt;</c>, with a
    /// suffix (<c>-2</c>, <c>-3</c>, ...) when a run of the same second already took it.
    /// </summary>
    public static string NewRunDirectory(string reportsRoot, string scenarioName, DateTimeOffset startedUtc)
    {
        ArgumentException.ThrowIfNullOrEmpty(scenarioName);
        var baseDirectory = Path.Combine(reportsRoot, scenarioName, ReportFormat.Timestamp(startedUtc));
        var candidate = baseDirectory;
        for (var n = 2; Directory.Exists(candidate); n++)
        {
            candidate = $"{baseDirectory}-{n}";
        }

        return candidate;
    }

    /// <summary>Writes every report file into <paramref name="directory"/> (created if needed; files there are replaced).</summary>
    public static async Task<WrittenReport> WriteAsync(RunResult result, string directory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory.CreateDirectory(directory);
        var written = new List<string>();

        async Task Save(string name, string text)
        {
            var path = Path.Combine(directory, name);
            await File.WriteAllTextAsync(path, text, Utf8, cancellationToken);
            written.Add(path);
        }

        var charts = ChartRenderer.RenderAll(result.Charts);
        foreach (var chart in charts)
        {
            var path = Path.Combine(directory, chart.FileName);
            await File.WriteAllBytesAsync(path, chart.Png, cancellationToken);
            written.Add(path);
        }

        await Save(ResultsJsonFile, ResultsJsonWriter.ToJson(result));
        await Save(TrialsCsvFile, TrialsCsvWriter.ToCsv(result));

        var blocks = ReportBuilder.Build(result, charts);
        await Save(MarkdownFile, MarkdownRenderer.Render(blocks));
        var pngs = charts.ToDictionary(c => c.FileName, c => c.Png, StringComparer.Ordinal);
        await Save(HtmlFile, HtmlRenderer.Render(blocks, $"{result.ScenarioName}: scenario report", name => pngs.GetValueOrDefault(name)));
        return new WrittenReport(directory, written);
    }
}
