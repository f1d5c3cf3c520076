using ApartiumChat.Reports.Results;
using ApartiumChat.Reports.Writing;

namespace ApartiumChat.Reports.Document;

public static partial class ReportBuilder
{
    private static void AddTrials(List<ReportBlock> blocks, RunResult result)
    {
        blocks.Add(new HeadingBlock(2, "Trials"));
        if (result.TrialResults.Count == 0)
        {
            blocks.Add(new ParagraphBlock("No trial ran."));
            return;
        }

        var rows = result.TrialResults.Take(MaxTrialRows).Select(TrialRow).ToList();
        blocks.Add(new TableBlock(
            ["trial", "seed", "status", "failovers", "failbacks", "lost", "duplicated", "reordered", "unacked", "detection max (ms)", "failover max (ms)", "failed on its own / error"],
            rows));
        if (result.TrialResults.Count > MaxTrialRows)
        {
            blocks.Add(new ParagraphBlock($"The first {MaxTrialRows} of {result.TrialResults.Count} trials are listed; trials.csv has them all."));
        }
    }

    private static IReadOnlyList<string> TrialRow(TrialResult t)
    {
        if (t.Broken)
        {
            return [Count(t.Index), Count(t.Seed), "broken", "", "", "", "", "", "", "", "", t.Error ?? ""];
        }

        var f = t.Figures;
        return
        [
            Count(t.Index), Count(t.Seed), ResultsJsonWriter.TrialStatus(t) + (t.Quiesced ? "" : " (did not quiesce)"),
            Count(f.Count(FigureNames.Failovers)), Count(f.Count(FigureNames.Failbacks)),
            Count(f.Count(FigureNames.Lost)), Count(f.Count(FigureNames.Duplicated)),
            Count(f.Count(FigureNames.Reordered)), Count(f.Count(FigureNames.Unacked)),
            ReportFormat.Ms(f.Timing(FigureNames.DetectionMs).Max), ReportFormat.Ms(f.Timing(FigureNames.FailoverMs).Max),
            string.Join(", ", t.FailedExpectations),
        ];
    }

    private static string Count(long value) => ReportFormat.Count(value);

    private static void AddNotes(List<ReportBlock> blocks, RunResult result)
    {
        if (result.Notes.Count == 0)
        {
            return;
        }

        blocks.Add(new HeadingBlock(2, "Notes"));
        blocks.Add(new ListBlock(result.Notes));
    }

    private static void AddReproduce(List<ReportBlock> blocks, RunResult result)
    {
        blocks.Add(new HeadingBlock(2, "How to reproduce"));
        blocks.Add(new ParagraphBlock("From the repository root, run the same scenario with the same seed:"));
        var path = Quote(result.ScenarioPath);
        blocks.Add(new CodeBlock(result.ReplayedTrialSeed is { } replayed
            ? $"apartium scenario run {path} --mode {result.Mode} --trial-seed {replayed}"
            : $"apartium scenario run {path} --seed {result.Seed} --trials {result.Trials} --mode {result.Mode}"));

        var failing = result.TrialResults.Where(t => t.Failed).Take(MaxReplayCommands).ToList();
        if (failing.Count > 0 && result.ReplayedTrialSeed is null)
        {
            blocks.Add(new ParagraphBlock("Replay a failing trial on its own:"));
            blocks.Add(new CodeBlock(string.Join("\n", failing.Select(t =>
                $"apartium scenario run {path} --mode {result.Mode} --trial-seed {t.Seed}   # trial {t.Index}: {(t.Broken ? "broken" : string.Join(", ", t.FailedExpectations))}"))));
        }

        blocks.Add(new ParagraphBlock(result.Simulated
            ? "In sim mode a replay repeats every random draw, so the trial runs exactly as it did."
            : "In tcp mode a replay repeats every targeting decision (which clients each fault hits), though the network's own timing does not repeat."));
    }

    /// <summary>Quotes a path for a POSIX shell when it holds anything but safe characters.</summary>
    private static string Quote(string path) =>
        path.Length > 0 && path.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '-' or '_')
            ? path
            : "'" + path.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
