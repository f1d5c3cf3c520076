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

    private static Task AssertPassesAsync(string file, int? trials) =>
        SimRuns.AssertPassesAsync(SimRuns.Prepare(Path.Combine(TestContext.CurrentContext.TestDirectory, "Regressions", file), trials));
}
