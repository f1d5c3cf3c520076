using ApartiumChat.Scenarios.Execution;
using ApartiumChat.Scenarios.Loading;
using ApartiumChat.Scenarios.Measurement;
using ApartiumChat.Scenarios.Model;
using ApartiumChat.Scenarios.Running;
using ApartiumChat.Scenarios.Trials;

namespace ApartiumChat.Simulation.Tests.Search;

/// <summary>
/// Runs a scenario file's text in simulation, as <c>apartium scenario run FILE</c> would run
/// its first trial: loaded and validated by the real loader (so what runs is exactly what the
/// file says), then one trial on a fresh simulated cluster.
/// </summary>
public static class SimulatedScenario
{
    private static readonly ScenarioLoadOptions LoadOptions = new() { ClientDefaults = ScenarioRunner.ClientDefaults };

    public static Scenario Load(string json)
    {
        var loaded = ScenarioLoader.Load(json, LoadOptions);
        if (!loaded.IsValid)
        {
            throw new InvalidOperationException(loaded.Describe("generated scenario") + Environment.NewLine + json);
        }

        return loaded.Scenario;
    }

    public static PreparedRun Prepare(Scenario scenario, string path = "generated.json") =>
        new(scenario, path, path, TrialSeeds.Plan(scenario.Seed, scenario.Trials), null, FaultTimeline.Plan(scenario));

    /// <summary>Trial 1 of <paramref name="json"/> in sim.</summary>
    public static SimulatedTrialResult RunFirstTrial(string json, TrialSeams? seams = null) => RunFirstTrial(Load(json), seams);

    public static SimulatedTrialResult RunFirstTrial(Scenario scenario, TrialSeams? seams = null)
    {
        var run = Prepare(scenario);
        return SimulatedTrial.Run(run, run.Trials[0], MeasurementSettings.For(scenario, ScenarioRunner.ClientDefaults), seams);
    }
}
