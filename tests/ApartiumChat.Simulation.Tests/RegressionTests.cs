using ApartiumChat.Scenarios.Execution;
using ApartiumChat.Scenarios.Loading;
using ApartiumChat.Scenarios.Running;

namespace ApartiumChat.Simulation.Tests;

/// <summary>
/// Counterexamples the fault search found in the shipped engines, kept as scenario files in
/// <c>Regressions/</c> once fixed: each replays its failing trial exactly (its seed, one trial)
/// and must now pass, as must a few dozen trials around it.
/// </summary>
public sealed class RegressionTests
{
    private static IEnumerable<string> Files() =>
        Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Regressions"), "*.json")
            .Select(Path.GetFileName)
            .Select(n => n!)
            .Order(StringComparer.Ordinal);

    [TestCaseSource(nameof(Files))]
    public async Task Counterexample_PassesNow(string file)
    {
        await AssertPassesAsync(file, trials: null);
    }

    [TestCaseSource(nameof(Files))]
    public async Task Counterexample_WithOtherSeeds_PassesToo(string file)
    {
        await AssertPassesAsync(file, trials: 40);
    }

    private static async Task AssertPassesAsync(string file, int? trials)
    {
        var prepared = RunPreparation.Prepare(
            Path.Combine(TestContext.CurrentContext.TestDirectory, "Regressions", file),
            TestContext.CurrentContext.TestDirectory,
            new ScenarioOverrides { Mode = "sim", Trials = trials },
            new ScenarioLoadOptions { ClientDefaults = ScenarioRunner.ClientDefaults });
        Assert.That(prepared.Problems, Is.Empty);

        var result = await ScenarioRunner.Simulated(TimeProvider.System).RunAsync(prepared.Run!, CancellationToken.None);

        Assert.That(result.BrokenTrials.Select(t => t.Error), Is.Empty);
        Assert.That(result.Expectations.Where(e => !e.Held).Select(e => $"{e.Figure}: {e.Actual} vs {e.Bound}"), Is.Empty);
    }
}
