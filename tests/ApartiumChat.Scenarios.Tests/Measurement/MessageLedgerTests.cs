using ApartiumChat.Scenarios.Measurement;

namespace ApartiumChat.Scenarios.Tests.Measurement;

public sealed class MessageLedgerTests
{
    private static readonly string[] Clients = ["c0", "c1", "c2"];

    private static MessageLedger Sent(params (string Sender, long Sequence, bool Acked)[] messages)
    {
        var ledger = new MessageLedger(Clients);
        foreach (var (sender, sequence, acked) in messages)
        {
            ledger.Sent(sender, sequence);
            if (acked)
            {
                ledger.Acknowledged(sender, sequence);
            }
        }

        return ledger;
    }

    [Test]
    public void EveryMessageToEveryOtherClient_CountsClean()
    {
        var ledger = Sent(("c0", 1, true), ("c0", 2, true), ("c1", 1, true));
        foreach (var receiver in new[] { "c1", "c2" })
        {
            ledger.Delivered(receiver, "c0", 1);
            ledger.Delivered(receiver, "c0", 2);
        }

        ledger.Delivered("c0", "c1", 1);
        ledger.Delivered("c2", "c1", 1);

        Assert.That(ledger.Count(), Is.EqualTo(new LedgerCounts(3, 3, 6, 0, 0, 0, 0, 0)));
    }

    [Test]
    public void AcknowledgedButNeverDelivered_IsLostPerReceiver()
    {
        var ledger = Sent(("c0", 1, true));
        ledger.Delivered("c1", "c0", 1);

        Assert.That(ledger.Count().Lost, Is.EqualTo(1), "c2 never got it");
    }

    [Test]
    public void Unacknowledged_IsUnacked_NotLost()
    {
        var ledger = Sent(("c0", 1, false));

        Assert.That((ledger.Count().Unacked, ledger.Count().Lost), Is.EqualTo((1L, 0L)));
    }

    [Test]
    public void ExtraDeliveries_CountOncePerExtra()
    {
        var ledger = Sent(("c0", 1, true));
        ledger.Delivered("c1", "c0", 1);
        ledger.Delivered("c1", "c0", 1);
        ledger.Delivered("c1", "c0", 1);
        ledger.Delivered("c2", "c0", 1);

        Assert.That(ledger.Count().Duplicated, Is.EqualTo(2));
    }

    [Test]
    public void MessageAfterALaterOneOfTheSameSender_IsReordered()
    {
        var ledger = Sent(("c0", 1, true), ("c0", 2, true), ("c0", 3, true), ("c1", 1, true));
        ledger.Delivered("c2", "c0", 3);
        ledger.Delivered("c2", "c1", 1);
        ledger.Delivered("c2", "c0", 1);
        ledger.Delivered("c2", "c0", 2);

        Assert.That(ledger.Count().Reordered, Is.EqualTo(2), "1 and 2 both came after 3");
    }

    [Test]
    public void OrderAcrossSenders_DoesNotMatter()
    {
        var ledger = Sent(("c0", 5, true), ("c1", 1, true));
        ledger.Delivered("c2", "c0", 5);
        ledger.Delivered("c2", "c1", 1);

        Assert.That(ledger.Count().Reordered, Is.EqualTo(0));
    }

    [Test]
    public void LateDuplicate_IsADuplicateNotAReordering()
    {
        var ledger = Sent(("c0", 1, true), ("c0", 2, true));
        ledger.Delivered("c1", "c0", 1);
        ledger.Delivered("c1", "c0", 2);
        ledger.Delivered("c1", "c0", 1);

        Assert.That((ledger.Count().Duplicated, ledger.Count().Reordered), Is.EqualTo((1L, 0L)));
    }

    [Test]
    public void SequenceZero_IsAnOrdinaryMessage()
    {
        var ledger = Sent(("c0", 0, true), ("c0", 1, true));
        ledger.Delivered("c1", "c0", 1);
        ledger.Delivered("c1", "c0", 0);

        Assert.That(ledger.Count().Reordered, Is.EqualTo(1));
    }

    [Test]
    public void DeliveriesOfUnsentMessages_AndToTheSender_AreUnexpected()
    {
        var ledger = Sent(("c0", 1, true));
        ledger.Delivered("c1", "c0", 1);
        ledger.Delivered("c2", "c0", 1);
        ledger.Delivered("c1", "c0", 99);
        ledger.Delivered("c0", "c0", 1);

        Assert.That((ledger.Count().Unexpected, ledger.Count().Lost), Is.EqualTo((2L, 0L)));
    }

    [Test]
    public void EventsMayArriveInAnyOrder_ExceptDeliveriesToOneReceiver()
    {
        var ledger = new MessageLedger(Clients);
        ledger.Delivered("c1", "c0", 1);
        ledger.Acknowledged("c0", 1);
        ledger.Delivered("c2", "c0", 1);
        ledger.Sent("c0", 1);

        Assert.That(ledger.Count(), Is.EqualTo(new LedgerCounts(1, 1, 2, 0, 0, 0, 0, 0)));
    }
}
