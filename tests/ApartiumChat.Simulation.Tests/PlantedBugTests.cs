using System.Text.Json;
using ApartiumChat.Scenarios.Execution;
using ApartiumChat.Simulation.Tests.Doubles;
using ApartiumChat.Simulation.Tests.Search;
using Json.Schema;

namespace ApartiumChat.Simulation.Tests;

/// <summary>
/// The search has teeth: with a bug planted in a test double (a cluster that forgets
/// idempotency keys once a session has moved), it finds a failing scenario, shrinks it to a
/// small one and prints it as a scenario file that replays event for event; the same file
/// passes on the shipped engines.
/// </summary>
[Category("FaultSearch")]
public sealed class PlantedBugTests
{
    private static readonly TrialSeams Forgetful = new() { ClusterBus = ForgetfulClusterBus.Wrap };

    private static readonly Lazy<SearchOutcome> Search = new(() => FaultSearch.Run(
        ScenarioPlans.Faulty(),
        new SearchOptions { Count = 300, Seed = 20260103, Seams = Forgetful }));

    [Test]
    public void ForgetfulCluster_IsFound_AsDuplicates()
    {
        var outcome = Search.Value;

        Assert.That(outcome.Found, Is.True, $"{outcome.Tested} plans passed with the planted bug");
        TestContext.Out.WriteLine($"found after {outcome.Tested} plan(s) judged, {outcome.Shrinks} shrinks");
        TestContext.Out.WriteLine(outcome.Shrunk!.Describe());
        Assert.That(outcome.Shrunk.Violations, Has.Some.StartsWith("duplicated"));
    }

    [Test]
    public void ForgetfulCluster_Counterexample_IsShrunkSmall()
    {
        var original = Search.Value.Original!.Plan;
        var shrunk = Search.Value.Shrunk!.Plan;

        Assert.That(shrunk.Episodes, Has.Count.LessThanOrEqualTo(Math.Max(1, original.Episodes.Count)).And.Count.LessThanOrEqualTo(2));
        Assert.That(shrunk.Clients, Is.LessThanOrEqualTo(original.Clients).And.LessThanOrEqualTo(3), "a duplicate needs one sender and one receiver");
        Assert.That(shrunk.ToJson().Length, Is.LessThanOrEqualTo(original.ToJson().Length));
    }

    [Test]
    public void ForgetfulCluster_Counterexample_IsAValidScenarioFile_ThatReplaysEventForEvent()
    {
        var shrunk = Search.Value.Shrunk!;
        using var document = JsonDocument.Parse(shrunk.Json);
        var schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "scenarios", "scenario.schema.json")));

        Assert.That(schema.Evaluate(document.RootElement).IsValid, Is.True, "schema");
        var again = SimulatedScenario.RunFirstTrial(shrunk.Json, Forgetful);
        Assert.That(EventLogs.Of(again), Is.EqualTo(EventLogs.Of(shrunk.Result)));
        Assert.That(PlanVerdict.Check(SimulatedScenario.Load(shrunk.Json), again), Is.EqualTo(shrunk.Violations));
    }

    [Test]
    public void ForgetfulCluster_Counterexample_PassesOnTheShippedEngines()
    {
        var shrunk = Search.Value.Shrunk!;

        var verdict = PlanVerdict.Judge(shrunk.Plan);

        Assert.That(verdict.Violations, Is.Empty);
    }
}
