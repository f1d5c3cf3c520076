namespace ApartiumChat.Reports.Results;

/// <summary>
/// Everything a report says about one run of a scenario. Built by the scenario runner from
/// the engines' events; the writers only read it.
/// </summary>
public sealed record RunResult
{
    public required string ScenarioName { get; init; }

    public string Description { get; init; } = "";

    /// <summary>The scenario file as the user named it, for the reproduce command line.</summary>
    public required string ScenarioPath { get; init; }

    /// <summary><c>tcp</c> or <c>sim</c>.</summary>
    public required string Mode { get; init; }

    public bool Simulated => Mode == "sim";

    public required long Seed { get; init; }

    /// <summary>Trials the run was asked for (with a replayed trial seed, 1).</summary>
    public required int Trials { get; init; }

    /// <summary>Set when the run replayed one trial with <c>--trial-seed</c>.</summary>
    public long? ReplayedTrialSeed { get; init; }

    /// <summary>When the run started (UTC); names the report folder.</summary>
    public required DateTimeOffset StartedUtc { get; init; }

    public required RunVerdict Verdict { get; init; }

    public required FigureSet Figures { get; init; }

    public IReadOnlyList<ExpectationOutcome> Expectations { get; init; } = [];

    public IReadOnlyList<TrialResult> TrialResults { get; init; } = [];

    public RunCharts Charts { get; init; } = RunCharts.Empty;

    /// <summary>Remarks for the reader (a trial that did not quiesce, a capped chart, ...).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    public IEnumerable<TrialResult> BrokenTrials => TrialResults.Where(t => t.Broken);

    /// <summary>
    /// The exit code of SCENARIOS.md: 3 when the run itself broke (a trial could not be run),
    /// 1 when an expectation failed, 0 when every expectation held.
    /// </summary>
    public int ExitCode => BrokenTrials.Any() ? 3 : Verdict == RunVerdict.Pass ? 0 : 1;
}
