namespace ApartiumChat.Reports;

/// <summary>Where a report went: its folder and every file written there (full paths).</summary>
public sealed record WrittenReport(string Directory, IReadOnlyList<string> Files)
{
    public string Markdown => Path.Combine(Directory, ReportWriter.MarkdownFile);

    public string Html => Path.Combine(Directory, ReportWriter.HtmlFile);

    public string ResultsJson => Path.Combine(Directory, ReportWriter.ResultsJsonFile);

    public string TrialsCsv => Path.Combine(Directory, ReportWriter.TrialsCsvFile);
}
