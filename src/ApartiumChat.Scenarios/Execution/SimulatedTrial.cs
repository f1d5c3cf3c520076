using ApartiumChat.Scenarios.Measurement;
using ApartiumChat.Scenarios.Running;
using ApartiumChat.Scenarios.Trials;

namespace ApartiumChat.Scenarios.Execution;

/// <summary>
/// One trial in simulation: a fresh <see cref="SimTrialHost"/>, the trial's whole body run on
/// its loop on the calling thread, then measured. Blocks until the trial is over (virtual time
/// runs as fast as the code does). The same trial and seed give the same result, event for
/// event, on any thread and in any process.
/// </summary>
public static class SimulatedTrial
{
    /// <summary>Virtual time a trial may take beyond its start, timeline and quiescence: teardown and slack.</summary>
    public static readonly TimeSpan TeardownBound = TimeSpan.FromMinutes(1);

    /// <summary>Runs <paramref name="trial"/> of <paramref name="run"/>; a trial that breaks is returned with its error, never thrown.</summary>
    public static SimulatedTrialResult Run(PreparedRun run, PlannedTrial trial, MeasurementSettings settings, TrialSeams? seams = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(trial);
        ArgumentNullException.ThrowIfNull(settings);
        var host = new SimTrialHost();
        try
        {
            var outcome = host.Loop.Run(
                () => TrialExecution.RunAsync(run, trial, host, seams ?? TrialSeams.None, CancellationToken.None),
                VirtualBound(run));
            return new SimulatedTrialResult(trial, TrialMeasurement.Measure(outcome.Observation, settings), outcome, null, host.Loop.Steps);
        }
        catch (Exception e)
        {
            return new SimulatedTrialResult(trial, null, null, $"{e.GetType().Name}: {e.Message}", host.Loop.Steps);
        }
    }

    private static TimeSpan VirtualBound(PreparedRun run) =>
        TrialExecution.StartBound
        + TimeSpan.FromMilliseconds(run.Scenario.DurationMs + (double)run.Scenario.QuiesceMs)
        + TeardownBound;
}

/// <summary>A simulated trial: its figures and outcome, or why it broke; and the loop steps it took.</summary>
public sealed record SimulatedTrialResult(PlannedTrial Trial, TrialFigures? Figures, TrialOutcome? Outcome, string? Error, long Steps)
{
    public bool Broken => Error is not null;
}
