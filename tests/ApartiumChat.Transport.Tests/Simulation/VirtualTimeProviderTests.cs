using ApartiumChat.Transport.Simulation;

namespace ApartiumChat.Transport.Tests.Simulation;

public sealed class VirtualTimeProviderTests
{
    [Test]
    public void Timers_FireInDueOrder_ThenCreationOrder()
    {
        var time = new VirtualTimeProvider();
        var fired = new List<string>();
        using var b = time.CreateTimer(_ => fired.Add("b@20"), null, TimeSpan.FromMilliseconds(20), Timeout.InfiniteTimeSpan);
        using var a = time.CreateTimer(_ => fired.Add("a@10"), null, TimeSpan.FromMilliseconds(10), Timeout.InfiniteTimeSpan);
        using var c = time.CreateTimer(_ => fired.Add("c@20"), null, TimeSpan.FromMilliseconds(20), Timeout.InfiniteTimeSpan);

        time.Advance(TimeSpan.FromMilliseconds(25));

        Assert.That(fired, Is.EqualTo(new[] { "a@10", "b@20", "c@20" }));
        Assert.That(time.Elapsed, Is.EqualTo(TimeSpan.FromMilliseconds(25)));
    }

    [Test]
    public void PeriodicTimer_FiresEachPeriod_UntilDisposed()
    {
        var time = new VirtualTimeProvider();
        var ticks = new List<TimeSpan>();
        var timer = time.CreateTimer(_ => ticks.Add(time.Elapsed), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        time.Advance(TimeSpan.FromSeconds(3.5));
        timer.Dispose();
        time.Advance(TimeSpan.FromSeconds(3));

        Assert.That(ticks, Is.EqualTo(new[] { TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3) }));
    }

    [Test]
    public void ChangedTimer_FiresOnlyAtItsNewTime()
    {
        var time = new VirtualTimeProvider();
        var fired = new List<TimeSpan>();
        using var timer = time.CreateTimer(_ => fired.Add(time.Elapsed), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);

        timer.Change(TimeSpan.FromSeconds(5), Timeout.InfiniteTimeSpan);
        time.Advance(TimeSpan.FromSeconds(10));

        Assert.That(fired, Is.EqualTo(new[] { TimeSpan.FromSeconds(5) }));
    }

    [Test]
    public void Clock_StartsAtEpoch_AndNeverMovesBackwards()
    {
        var epoch = new DateTimeOffset(2030, 5, 6, 7, 8, 9, TimeSpan.Zero);
        var time = new VirtualTimeProvider(epoch);

        time.AdvanceTo(TimeSpan.FromSeconds(2));
        time.AdvanceTo(TimeSpan.FromSeconds(1));

        Assert.That(time.GetUtcNow(), Is.EqualTo(epoch.AddSeconds(2)));
        Assert.That(time.GetElapsedTime(0), Is.EqualTo(TimeSpan.FromSeconds(2)));
    }
}
