using ApartiumChat.Reports.Results;
using ApartiumChat.Scenarios.Execution;
using ApartiumChat.Scenarios.Measurement;
using ApartiumChat.Scenarios.Running;

namespace ApartiumChat.Simulation.Tests;

/// <summary>
/// <c>"mode": "sim"</c>: every shipped scenario runs unchanged on the simulated network in
/// virtual time, passes, and is marked as simulated; trials run in parallel but are reported
/// in trial order, with the same results whatever the number of workers.
/// </summary>
public sealed class SimModeTests
{
    [TestCaseSource(typeof(ShippedScenarios), nameof(ShippedScenarios.Names))]
    public async Task ShippedScenario_PassesInSim(string name)
    {
        var result = await SimRuns.AssertPassesAsync(Prepare(name, trials: 3));

        Assert.That((result.Mode, result.Simulated, result.ExitCode), Is.EqualTo(("sim", true, 0)));
    }

    [Test]
    public async Task Trials_AreReportedInTrialOrder_AndDoNotDependOnTheWorkers()
    {
        var run = Prepare("flapping-primary", trials: 6);
        var order = new List<int>();
        var parallel = ScenarioRunner.Simulated(TimeProvider.System, new SimulationOptions { Workers = 3 });
        parallel.TrialCompleted += report => order.Add(report.Trial.Index);

        var one = await ScenarioRunner.Simulated(TimeProvider.System, new SimulationOptions { Workers = 1 }).RunAsync(run, CancellationToken.None);
        var three = await parallel.RunAsync(run, CancellationToken.None);

        Assert.That(order, Is.EqualTo(new[] { 1, 2, 3, 4, 5, 6 }));
        Assert.That(Figures(three), Is.EqualTo(Figures(one)));
    }

    [Test]
    public void SameTrial_OnAnotherThread_AfterOtherWork_ReplaysEventForEvent()
    {
        var run = Prepare("cascade", trials: 2);
        var settings = MeasurementSettings.For(run.Scenario, ScenarioRunner.ClientDefaults);
        var first = SimulatedTrial.Run(run, run.Trials[0], settings);
        string? again = null;
        var thread = new Thread(() =>
        {
            SimulatedTrial.Run(run, run.Trials[1], settings); // other work first: other ids, hash codes, pooled buffers
            again = EventLogs.Of(SimulatedTrial.Run(run, run.Trials[0], settings));
        });
        thread.Start();
        thread.Join();

        Assert.That(first.Error, Is.Null);
        Assert.That(again, Is.EqualTo(EventLogs.Of(first)));
    }

    [Test]
    public void DifferentSeeds_GiveDifferentTrials()
    {
        var run = Prepare("cascade", trials: 2);
        var settings = MeasurementSettings.For(run.Scenario, ScenarioRunner.ClientDefaults);

        var logs = run.Trials.Select(t => EventLogs.Of(SimulatedTrial.Run(run, t, settings)).Replace(t.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture), "SEED", StringComparison.Ordinal)).ToList();

        Assert.That(logs[1], Is.Not.EqualTo(logs[0]), "the seed must reach the workload and the engines");
    }

    private static PreparedRun Prepare(string name, int trials) => SimRuns.Prepare(ShippedScenarios.PathOf(name), trials);

    private static List<string> Figures(RunResult result) =>
        [.. result.TrialResults.Select(t => $"{t.Index} {t.Seed} " + string.Join(",", t.Figures.Counts.Select(c => $"{c.Name}={c.Value}"))),
         .. result.Figures.Timings.Select(t => $"{t.Name} {t.Summary}")];
}
