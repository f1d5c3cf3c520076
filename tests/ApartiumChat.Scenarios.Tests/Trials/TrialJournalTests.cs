using ApartiumChat.Scenarios.Observations;
using Microsoft.Extensions.Time.Testing;

namespace ApartiumChat.Scenarios.Tests.Trials;

public sealed class TrialJournalTests
{
    [Test]
    public void Times_AreMillisecondsSinceTheWorkloadStarted()
    {
        var time = new FakeTimeProvider();
        var journal = new TrialJournal(time);
        time.Advance(TimeSpan.FromMilliseconds(500));
        var beforeStart = journal.NowMs;
        journal.StartWorkload();
        time.Advance(TimeSpan.FromMilliseconds(1234.5));

        Assert.That((beforeStart, journal.NowMs), Is.EqualTo((500.0, 1234.5)));
    }

    [Test]
    public void EventsJournaledBeforeTheWorkload_LandBeforeZero()
    {
        var time = new FakeTimeProvider();
        var journal = new TrialJournal(time);
        time.Advance(TimeSpan.FromMilliseconds(300));
        journal.Record(new ClientRegistered(journal.NowMs, "c0", "s0", false, false));
        time.Advance(TimeSpan.FromMilliseconds(200));
        journal.StartWorkload();
        time.Advance(TimeSpan.FromMilliseconds(50));
        journal.Record(new ConnectionDeclaredDead(journal.MsAt(time.GetUtcNow()), "c0", "s0", DeadReason.ConnectionLost));

        var observation = journal.Complete(["s0"], ["c0"], timelineEndMs: 100, quiesced: true);

        Assert.That(observation.Events.Select(e => e.AtMs), Is.EqualTo(new[] { -200.0, 50.0 }));
    }

    [Test]
    public void Complete_KeepsJournalOrder_AndWhereClientsSettled()
    {
        var time = new FakeTimeProvider();
        var journal = new TrialJournal(time);
        journal.StartWorkload();
        journal.Record(new ClientRegistered(5, "c0", "s0", false, false));
        journal.Record(new ConnectionDeclaredDead(3, "c0", "s0", DeadReason.HeartbeatTimeout));
        journal.Settle("c0", "s1");
        journal.Settle("c1", null);
        time.Advance(TimeSpan.FromSeconds(7));

        var observation = journal.Complete(["s0", "s1"], ["c0", "c1"], timelineEndMs: 6000, quiesced: true);

        Assert.That(observation.Events.Select(e => e.AtMs), Is.EqualTo(new[] { 5.0, 3.0 }));
        Assert.That((observation.FinalServer("c0"), observation.FinalServer("c1"), observation.FinalServer("c9")), Is.EqualTo(("s1", (string?)null, (string?)null)));
        Assert.That((observation.TimelineEndMs, observation.EndMs, observation.Quiesced), Is.EqualTo((6000.0, 7000.0, true)));
    }
}
