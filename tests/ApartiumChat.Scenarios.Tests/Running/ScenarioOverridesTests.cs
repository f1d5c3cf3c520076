using ApartiumChat.Scenarios.Loading;
using ApartiumChat.Scenarios.Model;
using ApartiumChat.Scenarios.Running;
using ApartiumChat.Scenarios.Trials;
using static ApartiumChat.Scenarios.Tests.ScenarioText;

namespace ApartiumChat.Scenarios.Tests.Running;

public sealed class ScenarioOverridesTests
{
    private static readonly Scenario Scenario = ScenarioLoader.Load(Doc("\"trials\": 20", "\"seed\": 1")).Scenario!;

    [Test]
    public void Options_ReplaceTheFilesValues()
    {
        var run = new ScenarioOverrides { Trials = 3, Seed = 42, Mode = "sim" }.ApplyTo(Scenario);

        Assert.That((run.Trials, run.Seed, run.Mode), Is.EqualTo((3, 42L, ScenarioMode.Sim)));
    }

    [Test]
    public void TrialSeed_RunsOneTrial()
    {
        var overrides = new ScenarioOverrides { TrialSeed = TrialSeeds.Derive(1, 7) };

        Assert.That(overrides.ApplyTo(Scenario).Trials, Is.EqualTo(1));
        Assert.That(overrides.PlanTrials(Scenario), Is.EqualTo(new[] { new PlannedTrial(7, TrialSeeds.Derive(1, 7)) }));
    }

    [Test]
    public void NoOptions_PlanEveryTrialOfTheFile()
    {
        Assert.That(ScenarioOverrides.None.PlanTrials(Scenario), Has.Count.EqualTo(20));
        Assert.That(ScenarioOverrides.None.ApplyTo(Scenario), Is.EqualTo(Scenario));
    }

    [Test]
    public void Validate_ReportsEveryBadOption()
    {
        var problems = new ScenarioOverrides { Trials = 0, Seed = -1, Mode = "udp", TrialSeed = TrialSeeds.MaxSeed + 1 }.Validate();

        Assert.That(problems, Is.EqualTo(new[]
        {
            "--trials 0 is out of range; allowed: 1..100000",
            "--seed -1 is out of range; allowed: 0..9007199254740991",
            "--mode 'udp' is not a mode; allowed: tcp, sim",
            "--trial-seed 9007199254740992 is out of range; allowed: 0..9007199254740991",
        }));
        Assert.That(new ScenarioOverrides { Trials = 100000, Seed = 0, Mode = "tcp" }.Validate(), Is.Empty);
    }

    [Test]
    public void ModeSim_OverridesTheFilesMode()
    {
        Assert.That(new ScenarioOverrides { Mode = "sim" }.ApplyTo(Scenario).Mode, Is.EqualTo(ScenarioMode.Sim));
        Assert.That(new ScenarioOverrides { Mode = "tcp" }.ApplyTo(Scenario with { Mode = ScenarioMode.Sim }).Mode, Is.EqualTo(ScenarioMode.Tcp));
    }
}
