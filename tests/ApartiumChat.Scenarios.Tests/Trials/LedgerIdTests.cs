using ApartiumChat.Scenarios.Observations;

namespace ApartiumChat.Scenarios.Tests.Trials;

public sealed class LedgerIdTests
{
    [Test]
    public void Payload_HasTheAskedSize_AndReadsBack()
    {
        var payload = new LedgerId("c12", 345).ToPayload(32);

        Assert.That(payload, Has.Length.EqualTo(32));
        Assert.That(payload, Does.StartWith("c12:345;"));
        Assert.That(LedgerId.TryParse(payload, out var id), Is.True);
        Assert.That(id, Is.EqualTo(new LedgerId("c12", 345)));
    }

    [Test]
    public void LongestIds_FitTheSmallestMessage()
    {
        // 10,000 clients sending 1000 msg/s for an hour: c9999 and 3,600,000 messages.
        Assert.That(new LedgerId("c9999", 3_600_000).ToPayload(16), Has.Length.EqualTo(16));
    }

    [TestCase("")]
    [TestCase("hello world")]
    [TestCase("c1:;....")]
    [TestCase("x1:5;")]
    [TestCase("c1:-5;")]
    [TestCase("c:5;")]
    public void Garbage_IsNotALedgerId(string payload)
    {
        Assert.That(LedgerId.TryParse(payload, out _), Is.False);
    }
}
