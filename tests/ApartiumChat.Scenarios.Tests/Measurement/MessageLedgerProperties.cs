using FsCheck;
using FsCheck.Fluent;
using PropertyAttribute = FsCheck.NUnit.PropertyAttribute;

namespace ApartiumChat.Scenarios.Tests.Measurement;

public sealed class MessageLedgerProperties
{
    private static Arbitrary<LedgerHistory> Histories(bool plant) =>
        Gen.Choose(0, int.MaxValue).Select(seed => LedgerHistory.Generate(seed, plant)).ToArbitrary();

    [Property(MaxTest = 300)]
    public Property PlantedFaults_AreCountedExactly() => Prop.ForAll(Histories(plant: true), history =>
    {
        var counts = history.Count();
        return (counts.Lost == history.Lost)
            .Label($"lost {counts.Lost}, planted {history.Lost}")
            .And(counts.Duplicated == history.Duplicated).Label($"duplicated {counts.Duplicated}, planted {history.Duplicated}")
            .And(counts.Reordered == history.Reordered).Label($"reordered {counts.Reordered}, planted {history.Reordered}")
            .And(counts.Unacked == history.Unacked).Label($"unacked {counts.Unacked}, planted {history.Unacked}")
            .And(counts.Unexpected == 0);
    });

    [Property(MaxTest = 200)]
    public Property CleanHistories_CountZero() => Prop.ForAll(Histories(plant: false), history =>
    {
        var counts = history.Count();
        return counts.Lost == 0 && counts.Duplicated == 0 && counts.Reordered == 0 && counts.Unacked == 0 && counts.Unexpected == 0
            && counts.Delivered == history.Deliveries.Count;
    });

    [Test]
    public void Generator_PlantsEveryKindOfFault()
    {
        var histories = Enumerable.Range(0, 200).Select(seed => LedgerHistory.Generate(seed, plant: true)).ToList();

        Assert.That(histories.Sum(h => h.Lost), Is.GreaterThan(0));
        Assert.That(histories.Sum(h => h.Duplicated), Is.GreaterThan(0));
        Assert.That(histories.Sum(h => h.Reordered), Is.GreaterThan(0));
        Assert.That(histories.Sum(h => h.Unacked), Is.GreaterThan(0));
    }
}
