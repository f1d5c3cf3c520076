using ApartiumChat.Faults.Journal;

namespace ApartiumChat.Faults.Tests.Injection;

public sealed class StableSeedTests
{
    [Test]
    public void Hash_IsTheSameInEveryProcess()
    {
        // Pinned values: a hash that changed (or that came from string.GetHashCode, randomized
        // per process) would make recorded seeds replay differently.
        Assert.That(StableSeed.Hash(1, "lag", "c0", "1"), Is.EqualTo(PinnedHash));
        Assert.That(StableSeed.Draw(42, "proxy", "blackhole_downstream", "7"), Is.EqualTo(PinnedDraw));
    }

    [Test]
    public void Parts_AreKeptApart()
    {
        Assert.That(StableSeed.Hash(1, "ab", "c"), Is.Not.EqualTo(StableSeed.Hash(1, "a", "bc")));
        Assert.That(StableSeed.Hash(1, "x"), Is.Not.EqualTo(StableSeed.Hash(2, "x")));
    }

    [Test]
    public void Draws_AreUniform()
    {
        var draws = Enumerable.Range(0, 20_000).Select(i => StableSeed.Draw(3, "t", i.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();

        Assert.That(draws, Is.All.InRange(0.0, 0.9999999999));
        Assert.That(draws.Average(), Is.InRange(0.49, 0.51));
        Assert.That(draws.Count(d => d < 0.1), Is.InRange(1_800, 2_200));
    }

    [Test]
    public void Journal_Decide_DrawsOncePerFaultAndClient_AndRecordsIt()
    {
        var journal = new InjectionJournal();
        var at = DateTimeOffset.UnixEpoch;

        var first = journal.Decide(9, "runner", "f1-latency", "c3", 0.5, at);
        var again = journal.Decide(9, "runner", "f1-latency", "c3", 0.5, at);

        Assert.That(again, Is.EqualTo(first));
        var record = journal.Snapshot()[0];
        Assert.That(record.Key, Is.EqualTo(new InjectionKey("f1-latency", "c3", 0)));
        Assert.That(record.Applied, Is.EqualTo(record.Draw < 0.5));
    }

    [Test]
    public void Journal_KeepsItsCapacity_AndCountsWhatItDropped()
    {
        var journal = new InjectionJournal(capacity: 3);
        for (var i = 0; i < 5; i++)
        {
            journal.Record(new InjectionRecord(DateTimeOffset.UnixEpoch, "p", new InjectionKey("f", "c", i), InjectionKind.Reset, true));
        }

        Assert.That(journal.Snapshot().Select(r => r.Key.Connection), Is.EqualTo(new long[] { 2, 3, 4 }));
        Assert.That(journal.Dropped, Is.EqualTo(2));
    }

    private const ulong PinnedHash = 3824188306574247154UL;
    private const double PinnedDraw = 0.43112883431781901;
}
