using ApartiumChat.Scenarios.Model;
using ApartiumChat.Scenarios.Running;
using ApartiumChat.Scenarios.Trials;

namespace ApartiumChat.Scenarios.Tests.Running;

public sealed class RunPreparationTests
{
    private static string Here => TestContext.CurrentContext.TestDirectory;

    [Test]
    public void ShippedScenario_ByName_IsReady()
    {
        var result = RunPreparation.Prepare("crash-primary", Here, ScenarioOverrides.None);

        Assert.That(result.Problems, Is.Empty);
        Assert.That(result.Run!.DisplayPath, Is.EqualTo(Path.Combine("scenarios", "crash-primary.json")));
        Assert.That(result.Run.Trials, Is.EqualTo(TrialSeeds.Plan(1, 20)));
        Assert.That(result.Run.Timeline.Steps.Select(s => s.Kind), Is.EqualTo(new[] { TimelineStepKind.Apply, TimelineStepKind.Apply, TimelineStepKind.EndOfTimeline }));
        Assert.That(result.Run.ReplayedTrialSeed, Is.Null);
    }

    [Test]
    public void TrialSeed_PreparesOneTrial()
    {
        var seed = TrialSeeds.Derive(1, 4);
        var result = RunPreparation.Prepare("cascade.json", Here, new ScenarioOverrides { TrialSeed = seed });

        Assert.That(result.Run!.Trials, Is.EqualTo(new[] { new PlannedTrial(4, seed) }));
        Assert.That((result.Run.Scenario.Trials, result.Run.ReplayedTrialSeed), Is.EqualTo((1, (long?)seed)));
    }

    [Test]
    public void SimMode_IsPrepared()
    {
        var result = RunPreparation.Prepare("crash-primary", Here, new ScenarioOverrides { Mode = "sim" });

        Assert.That(result.Problems, Is.Empty);
        Assert.That(result.Run!.Scenario.Mode, Is.EqualTo(ScenarioMode.Sim));
    }

    [Test]
    public void InvalidFile_IsRefusedWithEveryProblem()
    {
        var path = Path.Combine(Path.GetTempPath(), $"apartium-invalid-{TestContext.CurrentContext.Test.ID}.json");
        File.WriteAllText(path, ScenarioText.Doc("\"trials\": 0", "\"mode\": \"x\""));
        try
        {
            var result = RunPreparation.Prepare(path, Here, new ScenarioOverrides { Trials = 0 });

            Assert.That(result.Problems, Has.Count.EqualTo(2));
            Assert.That(result.Problems[0], Does.StartWith($"{path}: 2 problems"));
            Assert.That(result.Problems[1], Is.EqualTo("--trials 0 is out of range; allowed: 1..100000"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void UnknownScenario_ListsTheShippedOnes()
    {
        var result = RunPreparation.Prepare("crash-primery", Here, ScenarioOverrides.None);

        Assert.That(result.Problems.Single(), Does.Contain("shipped scenarios").And.Contain("crash-primary, flapping-primary"));
    }
}
