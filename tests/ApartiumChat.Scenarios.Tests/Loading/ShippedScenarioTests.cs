using System.Text.Json;
using ApartiumChat.Scenarios.Loading;
using ApartiumChat.Scenarios.Model;
using ApartiumChat.Scenarios.Running;

namespace ApartiumChat.Scenarios.Tests.Loading;

public sealed class ShippedScenarioTests
{
    private static Scenario Load(string name) => ScenarioLoader.LoadFile(ShippedScenarios.PathOf(name)).Scenario!;

    [TestCaseSource(typeof(ShippedScenarios), nameof(ShippedScenarios.Names))]
    public void Shipped_ReferencesTheSchema_ForEditors(string name)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(ShippedScenarios.PathOf(name)));

        Assert.That(json.RootElement.GetProperty("$schema").GetString(), Is.EqualTo("./scenario.schema.json"));
    }

    [TestCaseSource(typeof(ShippedScenarios), nameof(ShippedScenarios.Names))]
    public void Shipped_IsNamedAfterItsFile_AndSaysWhereItsBoundsComeFrom(string name)
    {
        var scenario = Load(name);

        Assert.That(scenario.Name, Is.EqualTo(name));
        Assert.That(scenario.Description, Does.Contain("heartbeatTimeoutMs").And.Contain("heartbeatIntervalMs"));
    }

    [TestCaseSource(typeof(ShippedScenarios), nameof(ShippedScenarios.Names))]
    public void Shipped_ExpectsAPerfectLedger_AndNoFalseFailover(string name)
    {
        var expect = Load(name).Expect;

        Assert.That((expect.Lost, expect.Duplicated, expect.Reordered, expect.Unacked, expect.FalseFailovers), Is.EqualTo((0L, 0L, 0L, 0L, 0L)));
        Assert.That(expect.EndOn, Is.Not.Null);
    }

    [TestCaseSource(typeof(ShippedScenarios), nameof(ShippedScenarios.Names))]
    public void Shipped_BoundsTimingsOnlyWhenABreakingFaultMakesSamples(string name)
    {
        var scenario = Load(name);
        var breaking = scenario.Faults.Any(f => FaultTypes.BreaksEstablishedConnections(f.Type));
        var timed = scenario.Expect.DetectionMs is not null || scenario.Expect.FailoverMs is not null || scenario.Expect.FirstDeliveryMs is not null;

        Assert.That(timed, Is.EqualTo(breaking), "a timing bound with no sample fails");
    }

    [Test]
    public void ScenariosFolder_ShipsExactlyTheListedScenarios()
    {
        Assert.That(ScenarioResolver.ShippedNames(ShippedScenarios.Directory), Is.EquivalentTo(ShippedScenarios.Names()));
    }
}
