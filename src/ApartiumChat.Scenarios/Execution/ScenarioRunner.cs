using ApartiumChat.Reports.Results;
using ApartiumChat.Scenarios.Measurement;
using ApartiumChat.Scenarios.Running;
using ApartiumChat.Scenarios.Trials;

namespace ApartiumChat.Scenarios.Execution;

/// <summary>
/// Runs every trial of a prepared scenario, each on a fresh cluster, and collects the results.
/// A trial that breaks (the harness failed, not an expectation) is reported with its seed and
/// the run goes on.
/// </summary>
public sealed class ScenarioRunner
{
    private readonly Func<PlannedTrial, ITrialHost> _hostFor;
    private readonly TimeProvider _wallClock;
    private readonly bool _warmUp;

    /// <param name="hostFor">The host each trial runs on (tcp: one real host; sim: a fresh simulated one per trial).</param>
    /// <param name="wallClock">Real time, for the report's start time and progress estimates.</param>
    /// <param name="warmUp">
    /// Run the first trial once unmeasured before the others. Over real sockets the first crash
    /// in a process costs tens of milliseconds of just-in-time compilation (exception paths,
    /// resume, history replay) that a long-running client never pays again; without a warm-up
    /// the first trial's samples would measure the compiler, not the failover.
    /// </param>
    public ScenarioRunner(Func<PlannedTrial, ITrialHost> hostFor, TimeProvider wallClock, bool warmUp = false)
    {
        _hostFor = hostFor;
        _wallClock = wallClock;
        _warmUp = warmUp;
    }

    /// <summary>The HA client library's defaults, for what a scenario's <c>client</c> section leaves out.</summary>
    public static Model.ScenarioClientOptions ClientDefaults => TrialClients.ClientDefaults;

    /// <summary>Called after each trial, with its figures (null when it broke).</summary>
    public event Action<TrialReport>? TrialCompleted;

    public async Task<RunResult> RunAsync(PreparedRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var settings = MeasurementSettings.For(run.Scenario, TrialClients.ClientDefaults);
        var collector = new RunCollector(run.Scenario, run.DisplayPath, _wallClock.GetUtcNow(), run.ReplayedTrialSeed, settings);
        if (_warmUp && run.Trials.Count > 0)
        {
            await WarmUpAsync(run, cancellationToken);
            collector.AddNote("A warm-up trial (not counted) ran first, so that no measured trial pays for compiling the code paths it exercises.");
        }

        foreach (var trial in run.Trials)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var outcome = await TrialExecution.RunAsync(run, trial, _hostFor(trial), cancellationToken);
                var figures = collector.AddObserved(trial, outcome.Observation);
                TrialCompleted?.Invoke(new TrialReport(trial, figures, outcome, null));
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                var error = $"{e.GetType().Name}: {e.Message}";
                collector.AddBroken(trial, error);
                TrialCompleted?.Invoke(new TrialReport(trial, null, null, error));
            }
        }

        return collector.Complete();
    }

    private async Task WarmUpAsync(PreparedRun run, CancellationToken cancellationToken)
    {
        try
        {
            await TrialExecution.RunAsync(run, run.Trials[0], _hostFor(run.Trials[0]), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Only a warm-up: if it broke, the measured trials will say so with their seeds.
        }
    }
}

/// <summary>One finished trial: its figures and outcome, or why it broke.</summary>
public sealed record TrialReport(PlannedTrial Trial, TrialFigures? Figures, TrialOutcome? Outcome, string? Error);
