using ApartiumChat.Reports.Results;
using ApartiumChat.Scenarios.Model;
using ApartiumChat.Scenarios.Trials;

namespace ApartiumChat.Scenarios.Measurement;

/// <summary>
/// Gathers the trials of a run and builds its <see cref="RunResult"/>: pooled figures, judged
/// expectations, per-trial figures and seeds, and chart data. Chart data is heavy, so it is
/// kept only for the trial the report will draw: the first that broke an expectation on its
/// own, else the first trial.
/// </summary>
public sealed class RunCollector
{
    private readonly Scenario _scenario;
    private readonly string _scenarioPath;
    private readonly DateTimeOffset _startedUtc;
    private readonly long? _replayedTrialSeed;
    private readonly MeasurementSettings _settings;
    private readonly Lock _gate = new();
    private readonly SortedDictionary<int, Entry> _trials = [];
    private int? _chartTrial;

    /// <param name="scenario">The scenario as run (after command-line overrides).</param>
    /// <param name="scenarioPath">The file as the user named it, for the reproduce command.</param>
    /// <param name="startedUtc">When the run started.</param>
    /// <param name="replayedTrialSeed">The <c>--trial-seed</c> replayed, if any.</param>
    /// <param name="settings">How <see cref="AddObserved"/> reads trials; see <see cref="MeasurementSettings.For"/>.</param>
    public RunCollector(Scenario scenario, string scenarioPath, DateTimeOffset startedUtc, long? replayedTrialSeed = null, MeasurementSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(scenarioPath);
        _scenario = scenario;
        _scenarioPath = scenarioPath;
        _startedUtc = startedUtc;
        _replayedTrialSeed = replayedTrialSeed;
        _settings = settings ?? MeasurementSettings.Default;
    }

    /// <summary>Measures a trial that ran to its checks and adds it; returns its figures (for the progress line).</summary>
    public TrialFigures AddObserved(PlannedTrial trial, Observations.TrialObservation observation)
    {
        var figures = TrialMeasurement.Measure(observation, _settings);
        AddMeasured(trial, figures);
        return figures;
    }

    /// <summary>A trial that ran to its checks.</summary>
    public void AddMeasured(PlannedTrial trial, TrialFigures figures)
    {
        ArgumentNullException.ThrowIfNull(trial);
        ArgumentNullException.ThrowIfNull(figures);
        var failed = ExpectationEvaluator.FailedBy(_scenario.Expect, figures);
        lock (_gate)
        {
            _trials[trial.Index] = new Entry(trial, KeepChart(trial.Index, figures, failed.Count > 0), failed, null);
        }
    }

    /// <summary>A trial the run itself could not complete (the run will exit 3); reported with its seed.</summary>
    public void AddBroken(PlannedTrial trial, string error)
    {
        ArgumentNullException.ThrowIfNull(trial);
        ArgumentException.ThrowIfNullOrEmpty(error);
        lock (_gate)
        {
            _trials[trial.Index] = new Entry(trial, null, [], error);
        }
    }

    public RunResult Complete()
    {
        lock (_gate)
        {
            var measured = _trials.Values.Where(t => t.Figures is not null).Select(t => t.Figures!).ToList();
            var expectations = ExpectationEvaluator.Evaluate(_scenario.Expect, measured);
            var broken = _trials.Values.Any(t => t.Error is not null);
            return new RunResult
            {
                ScenarioName = _scenario.Name,
                Description = _scenario.Description,
                ScenarioPath = _scenarioPath,
                Mode = _scenario.ModeName,
                Seed = _scenario.Seed,
                Trials = _replayedTrialSeed is null ? _scenario.Trials : 1,
                ReplayedTrialSeed = _replayedTrialSeed,
                StartedUtc = _startedUtc,
                Verdict = !broken && expectations.All(e => e.Held) ? RunVerdict.Pass : RunVerdict.Fail,
                Figures = Pooled(measured),
                Expectations = expectations,
                TrialResults = _trials.Values.Select(ToResult).ToList(),
                Charts = Charts(measured),
                Notes = Notes(),
            };
        }
    }

    /// <summary>Keeps chart data for the lowest-indexed trial and the lowest-indexed failing one; drops the rest.</summary>
    private TrialFigures KeepChart(int index, TrialFigures figures, bool failed)
    {
        if (figures.Chart is null)
        {
            return figures;
        }

        var current = _chartTrial is { } c ? _trials.GetValueOrDefault(c) : null;
        var currentFailed = current is not null && current.Failed.Count > 0;
        var better = current is null || (failed && !currentFailed) || (failed == currentFailed && index < current.Trial.Index);
        if (!better)
        {
            return figures with { Chart = null };
        }

        if (current?.Figures is { } old)
        {
            _trials[current.Trial.Index] = current with { Figures = old with { Chart = null } };
        }

        _chartTrial = index;
        return figures;
    }

    private static FigureSet Pooled(List<TrialFigures> measured) => new(
        FigureNames.Timings.Select(t => new TimingFigure(t, Percentiles.Summarize(measured.SelectMany(m => m.Samples(t)).Select(s => s.Ms)))).ToList(),
        FigureNames.Counts.Select(c => new CountFigure(c, measured.Sum(m => m.Count(c)))).ToList());

    private static TrialResult ToResult(Entry entry) => new(
        entry.Trial.Index,
        entry.Trial.Seed,
        entry.Figures?.ToFigureSet() ?? FigureSet.Empty,
        entry.Failed,
        entry.Figures?.Quiesced ?? false,
        entry.Error);

    private RunCharts Charts(List<TrialFigures> measured)
    {
        var failovers = measured.SelectMany(m => m.Failover)
            .GroupBy(s => s.FaultType)
            .OrderBy(g => g.Key)
            .Select(g => new SampleSeries(FaultTypes.Name(g.Key), g.Select(s => s.Ms).ToList()))
            .ToList();
        var detection = measured.SelectMany(m => m.Detection).Select(s => s.Ms).ToList();
        var chosen = _chartTrial is { } index ? _trials[index] : null;
        return new RunCharts(
            failovers,
            detection,
            chosen?.Figures?.Chart?.ToTimeline(chosen.Trial.Index, chosen.Trial.Seed),
            chosen?.Figures?.Chart?.ToLatency(chosen.Trial.Index));
    }

    /// <summary>A remark for the report (how the run was made).</summary>
    public void AddNote(string note) => _extraNotes.Add(note);

    private List<string> Notes()
    {
        var notes = new List<string>(_extraNotes);
        foreach (var entry in _trials.Values.Where(t => t.Figures is { Quiesced: false }))
        {
            notes.Add($"Trial {entry.Trial.Index} (seed {entry.Trial.Seed}) did not quiesce within {_scenario.QuiesceMs} ms; what was still missing then counts as lost or unacked.");
        }

        foreach (var entry in _trials.Values.Where(t => t.Figures is { Ledger.Unexpected: > 0 }))
        {
            notes.Add($"Trial {entry.Trial.Index} (seed {entry.Trial.Seed}) saw {entry.Figures!.Ledger.Unexpected} deliveries of messages never sent (or delivered to their own sender).");
        }

        if (_chartTrial is { } chart)
        {
            var why = _trials[chart].Failed.Count > 0 ? "the first trial that broke an expectation on its own" : "the first trial";
            notes.Add($"The timeline and latency charts show trial {chart}, {why}.");
        }

        return notes;
    }

    private readonly List<string> _extraNotes = [];

    private sealed record Entry(PlannedTrial Trial, TrialFigures? Figures, IReadOnlyList<string> Failed, string? Error);
}
