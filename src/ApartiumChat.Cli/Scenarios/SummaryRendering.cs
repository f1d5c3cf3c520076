using ApartiumChat.Reports.Results;
using ApartiumChat.Reports.Summary;
using Spectre.Console;

namespace ApartiumChat.Cli.Scenarios;

/// <summary>The end-of-run console table: every figure with its expectation's verdict.</summary>
internal static class SummaryRendering
{
    public static void Write(IAnsiConsole console, RunResult result)
    {
        var summary = SummaryTable.From(result);
        var table = new Table().Title(Markup.Escape(summary.Title)).Border(TableBorder.Rounded);
        foreach (var header in SummaryTable.Headers)
        {
            table.AddColumn(new TableColumn(header).RightAligned());
        }

        table.Columns[0].LeftAligned();
        foreach (var row in summary.Rows)
        {
            var verdict = row.Held switch
            {
                true => "[green]held[/]",
                false => "[red]FAILED[/]",
                null => string.Empty,
            };
            table.AddRow(
                Markup.Escape(row.Figure), Markup.Escape(row.N), Markup.Escape(row.P50), Markup.Escape(row.P90),
                Markup.Escape(row.P99), Markup.Escape(row.MaxOrCount), Markup.Escape(row.Bound), verdict);
        }

        console.Write(table);
        var colour = result.ExitCode == 0 ? "green" : "red";
        console.MarkupLine($"[{colour}]{Markup.Escape(summary.Verdict)}[/]");
    }
}
