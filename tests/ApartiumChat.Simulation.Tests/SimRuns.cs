using ApartiumChat.Reports.Results;
using ApartiumChat.Scenarios.Execution;
using ApartiumChat.Scenarios.Loading;
using ApartiumChat.Scenarios.Running;

namespace ApartiumChat.Simulation.Tests;

/// <summary>A scenario file run in sim mode, as <c>apartium scenario run FILE --mode sim</c> would, and the check that it passed.</summary>
internal static class SimRuns
{
    /// <summary>The file prepared for sim mode (<paramref name="trials"/> null: the file's own).</summary>
    public static PreparedRun Prepare(string path, int? trials)
    {
        var prepared = RunPreparation.Prepare(
            path,
            TestContext.CurrentContext.TestDirectory,
            new ScenarioOverrides { Mode = "sim", Trials = trials },
            new ScenarioLoadOptions { ClientDefaults = ScenarioRunner.ClientDefaults });
        Assert.That(prepared.Problems, Is.Empty);
        return prepared.Run!;
    }

    /// <summary>Runs it and asserts that no trial broke and every expectation held.</summary>
    public static async Task<RunResult> AssertPassesAsync(PreparedRun run)
    {
        var result = await ScenarioRunner.Simulated(TimeProvider.System).RunAsync(run, CancellationToken.None);

        Assert.That(result.BrokenTrials.Select(t => t.Error), Is.Empty);
        Assert.That(result.Expectations.Where(e => !e.Held).Select(e => $"{e.Figure}: {e.Actual} vs {e.Bound}"), Is.Empty);
        return result;
    }
}
