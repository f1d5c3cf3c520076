using ApartiumChat.Scenarios.Model;
using ApartiumChat.Scenarios.Trials;

namespace ApartiumChat.Scenarios.Tests.Trials;

public sealed class ToxicityDecisionsTests
{
    private static readonly IReadOnlyList<string> Clients = ScenarioIds.Clients(1000);

    private static Fault Link(double toxicity, IReadOnlyList<string>? clients = null, int index = 0) =>
        new() { Index = index, AtMs = 0, Type = FaultType.Blackhole, Server = "s0", Toxicity = toxicity, Clients = clients };

    [Test]
    public void FullToxicity_TargetsEveryNamedClient()
    {
        Assert.That(ToxicityDecisions.Targets(5, Link(1), Clients), Is.EqualTo(Clients));
        Assert.That(ToxicityDecisions.Targets(5, Link(1, ["c7", "c2"]), Clients), Is.EqualTo(new[] { "c7", "c2" }));
    }

    [Test]
    public void ZeroToxicity_TargetsNobody()
    {
        Assert.That(ToxicityDecisions.Targets(5, Link(0), Clients), Is.Empty);
    }

    [Test]
    public void HalfToxicity_TargetsAboutHalf_TheSameEachTime()
    {
        var first = ToxicityDecisions.Targets(5, Link(0.5), Clients);
        var again = ToxicityDecisions.Targets(5, Link(0.5), Clients);
        var otherTrial = ToxicityDecisions.Targets(6, Link(0.5), Clients);
        var otherFault = ToxicityDecisions.Targets(5, Link(0.5, index: 1), Clients);

        Assert.That(first.Count, Is.InRange(430, 570));
        Assert.That(again, Is.EqualTo(first));
        Assert.That(otherTrial, Is.Not.EqualTo(first));
        Assert.That(otherFault, Is.Not.EqualTo(first));
    }

    [Test]
    public void Decision_DoesNotDependOnWhoElseIsAsked()
    {
        var alone = ToxicityDecisions.Applies(9, Link(0.5), 123);
        var inList = ToxicityDecisions.Targets(9, Link(0.5), Clients).Contains("c123");

        Assert.That(inList, Is.EqualTo(alone));
    }

    [Test]
    public void ServerFaultsAndHeals_IgnoreToxicity()
    {
        var crash = new Fault { AtMs = 0, Type = FaultType.Crash, Server = "s0" };
        var heal = new Fault { AtMs = 0, Type = FaultType.Heal, Server = "s0", Clients = ["c1"] };

        Assert.That(ToxicityDecisions.Targets(1, crash, Clients), Has.Count.EqualTo(1000));
        Assert.That(ToxicityDecisions.Targets(1, heal, Clients), Is.EqualTo(new[] { "c1" }));
    }
}
