using ApartiumChat.Simulation.Tests.Search;

namespace ApartiumChat.Simulation.Tests;

/// <summary>
/// The property-based fault search over the shipped engines: generated scenarios, each one
/// simulated trial, must keep every property. CI runs a few hundred; set
/// APARTIUM_FAULT_SEARCH_COUNT (and APARTIUM_FAULT_SEARCH_SEED, or <c>random</c>) for a long hunt.
/// </summary>
[Category("FaultSearch")]
public sealed class FaultSearchTests
{
    [Test]
    public void AnyFaultTimeline_LosesDuplicatesAndReordersNothing_AndEndsOnThePreferredServer()
    {
        var seed = FaultSearch.SeedFromEnvironment(20260101);
        var outcome = FaultSearch.Run(ScenarioPlans.Faulty(), new SearchOptions
        {
            Count = FaultSearch.CountFromEnvironment(200),
            Seed = seed,
        });

        Report(outcome, seed);
        Assert.That(outcome.Found, Is.False, () => outcome.Shrunk!.Describe());
    }

    [Test]
    public void LatencyWithinTheHeartbeatBudget_NeverCausesAFailover()
    {
        var seed = FaultSearch.SeedFromEnvironment(20260102);
        var outcome = FaultSearch.Run(ScenarioPlans.WithinBudget(), new SearchOptions
        {
            Count = FaultSearch.CountFromEnvironment(100),
            Seed = seed,
        });

        Report(outcome, seed);
        Assert.That(outcome.Found, Is.False, () => outcome.Shrunk!.Describe());
    }

    private static void Report(SearchOutcome outcome, ulong seed)
    {
        TestContext.Out.WriteLine($"{outcome.Tested} generated scenario(s) run in sim; search seed {seed} ({FaultSearch.SeedVariable}={seed} repeats this search)");
        if (outcome.Shrunk is { } shrunk)
        {
            var path = Path.Combine(TestContext.CurrentContext.WorkDirectory, shrunk.Plan.Name + ".json");
            File.WriteAllText(path, shrunk.Json);
            TestContext.Out.WriteLine($"counterexample ({outcome.Shrinks} shrinks) written to {path}");
            TestContext.Out.WriteLine(shrunk.Describe());
            TestContext.Out.WriteLine("as first found: " + outcome.Original!.Plan);
        }
    }
}
