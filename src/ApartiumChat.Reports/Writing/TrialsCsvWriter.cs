using System.Text;
using ApartiumChat.Reports.Results;

namespace ApartiumChat.Reports.Writing;

/// <summary>
/// Writes trials.csv (RFC 4180): one row per trial with its seed, status, every count, and
/// n / p50 / p90 / p99 / max of every timing in milliseconds (empty when there is no sample).
/// </summary>
public static class TrialsCsvWriter
{
    private static readonly string[] TimingColumns = ["n", "p50", "p90", "p99", "max"];

    public static string ToCsv(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var csv = new StringBuilder();
        var header = new List<string> { "index", "seed", "status", "quiesced" };
        header.AddRange(FigureNames.Counts);
        header.AddRange(FigureNames.Timings.SelectMany(t => TimingColumns.Select(c => $"{t}_{c}")));
        header.Add("failedExpectations");
        header.Add("error");
        AppendRow(csv, header);

        foreach (var trial in result.TrialResults)
        {
            var row = new List<string>
            {
                trial.Index.ToString(System.Globalization.CultureInfo.InvariantCulture),
                trial.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ResultsJsonWriter.TrialStatus(trial),
                trial.Quiesced ? "true" : "false",
            };
            row.AddRange(FigureNames.Counts.Select(c => trial.Broken ? "" : ReportFormat.Count(trial.Figures.Count(c))));
            foreach (var timing in FigureNames.Timings)
            {
                var summary = trial.Figures.Timing(timing);
                row.Add(trial.Broken ? "" : ReportFormat.Count(summary.N));
                row.AddRange(new[] { summary.P50, summary.P90, summary.P99, summary.Max }.Select(Cell));
            }

            row.Add(string.Join(" ", trial.FailedExpectations));
            row.Add(trial.Error ?? "");
            AppendRow(csv, row);
        }

        return csv.ToString();
    }

    private static string Cell(double? value) =>
        value is { } v ? Math.Round(v, 3).ToString(System.Globalization.CultureInfo.InvariantCulture) : "";

    private static void AppendRow(StringBuilder csv, IEnumerable<string> cells)
    {
        csv.AppendJoin(',', cells.Select(Escape));
        csv.Append("\r\n");
    }

    private static string Escape(string cell) =>
        cell.IndexOfAny([',', '"', '\r', '\n']) < 0 ? cell : "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
