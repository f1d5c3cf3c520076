using ApartiumChat.Reports.Results;
using ApartiumChat.Scenarios.Measurement;
using ApartiumChat.Scenarios.Running;
using ApartiumChat.Scenarios.Trials;

namespace ApartiumChat.Scenarios.Execution;

/// <summary>
/// Runs every trial of a prepared scenario, each on a fresh cluster, and collects the results.
/// A trial that breaks (the harness failed, not an expectation) is reported with its seed and
/// the run goes on. Over tcp the trials run one after the other in real time; in simulation
/// they run in parallel, each on its own loop in virtual time, and are reported in trial order.
/// </summary>
public sealed class ScenarioRunner
{
    private readonly Func<PlannedTrial, ITrialHost>? _hostFor;
    private readonly SimulationOptions? _simulation;
    private readonly TimeProvider _wallClock;
    private readonly bool _warmUp;

    /// <param name="hostFor">The host each trial runs on (tcp: one real host).</param>
    /// <param name="wallClock">Real time, for the report's start time and progress estimates.</param>
    /// <param name="warmUp">
    /// Run the first trial once unmeasured before the others. Over real sockets the first crash
    /// in a process costs tens of milliseconds of just-in-time compilation (exception paths,
    /// resume, history replay) that a long-running client never pays again; without a warm-up
    /// the first trial's samples would measure the compiler, not the failover.
    /// </param>
    public ScenarioRunner(Func<PlannedTrial, ITrialHost> hostFor, TimeProvider wallClock, bool warmUp = false)
    {
        ArgumentNullException.ThrowIfNull(hostFor);
        _hostFor = hostFor;
        _wallClock = wallClock;
        _warmUp = warmUp;
    }

    private ScenarioRunner(SimulationOptions simulation, TimeProvider wallClock)
    {
        _simulation = simulation;
        _wallClock = wallClock;
    }

    /// <summary>
    /// A runner for <c>"mode": "sim"</c>: each trial on a fresh <see cref="SimTrialHost"/>,
    /// several at once. No warm-up: virtual time does not see the compiler.
    /// </summary>
    public static ScenarioRunner Simulated(TimeProvider wallClock, SimulationOptions? options = null)
    {
        options ??= SimulationOptions.Default;
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(options));
        }

        return new ScenarioRunner(options, wallClock);
    }

    /// <summary>The HA client library's defaults, for what a scenario's <c>client</c> section leaves out.</summary>
    public static Model.ScenarioClientOptions ClientDefaults => TrialClients.ClientDefaults;

    /// <summary>Called after each trial, in trial order, with its figures (null when it broke).</summary>
    public event Action<TrialReport>? TrialCompleted;

    public async Task<RunResult> RunAsync(PreparedRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var settings = MeasurementSettings.For(run.Scenario, TrialClients.ClientDefaults);
        var collector = new RunCollector(run.Scenario, run.DisplayPath, _wallClock.GetUtcNow(), run.ReplayedTrialSeed, settings);
        if (_simulation is not null)
        {
            await RunSimulatedAsync(run, settings, collector, _simulation, cancellationToken);
        }
        else
        {
            await RunRealAsync(run, collector, cancellationToken);
        }

        return collector.Complete();
    }

    private async Task RunRealAsync(PreparedRun run, RunCollector collector, CancellationToken cancellationToken)
    {
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
                var outcome = await TrialExecution.RunAsync(run, trial, _hostFor!(trial), cancellationToken);
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
    }

    private async Task RunSimulatedAsync(PreparedRun run, MeasurementSettings settings, RunCollector collector, SimulationOptions options, CancellationToken cancellationToken)
    {
        using var trials = new SimulatedTrials(run, settings, options.Seams, options.Workers);
        for (var i = 0; i < run.Trials.Count; i++)
        {
            var result = await trials.TakeAsync(i, cancellationToken);
            if (result.Figures is { } figures)
            {
                collector.AddMeasured(result.Trial, figures);
            }
            else
            {
                collector.AddBroken(result.Trial, result.Error!);
            }

            TrialCompleted?.Invoke(new TrialReport(result.Trial, result.Figures, result.Outcome, result.Error));
        }
    }

    private async Task WarmUpAsync(PreparedRun run, CancellationToken cancellationToken)
    {
        try
        {
            await TrialExecution.RunAsync(run, run.Trials[0], _hostFor!(run.Trials[0]), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Only a warm-up: if it broke, the measured trials will say so with their seeds.
        }
    }
}

/// <summary>One finished trial: its figures and outcome, or why it broke.</summary>
public sealed record TrialReport(PlannedTrial Trial, TrialFigures? Figures, TrialOutcome? Outcome, string? Error);
