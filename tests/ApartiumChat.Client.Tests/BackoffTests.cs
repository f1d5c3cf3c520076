using ApartiumChat.Client.Failover;
using FsCheck;
using FsCheck.Fluent;
using PropertyAttribute = FsCheck.NUnit.PropertyAttribute;

namespace ApartiumChat.Client.Tests;

#pragma warning disable NUnit1027 // FsCheck supplies the arguments
public sealed class BackoffTests
{
    private static readonly Arbitrary<(TimeSpan Base, TimeSpan Cap, int Seed)> Settings = Arb.From(
        from baseMs in Gen.Choose(1, 5_000)
        from extraMs in Gen.Choose(0, 60_000)
        from seed in Gen.Choose(0, int.MaxValue)
        select (TimeSpan.FromMilliseconds(baseMs), TimeSpan.FromMilliseconds(baseMs + extraMs), seed));

    [Property(MaxTest = 300)]
    public Property FullJitter_StaysWithinTheCappedExponentialCeiling() =>
        Prop.ForAll(Settings, s =>
        {
            var backoff = new ReconnectBackoff(s.Base, s.Cap, JitterMode.Full, new Random(s.Seed));
            return Enumerable.Range(0, 40).All(n =>
            {
                var delay = backoff.Next();
                return delay >= TimeSpan.Zero && delay <= ReconnectBackoff.Ceiling(s.Base, s.Cap, n) && delay <= s.Cap;
            });
        });

    [Property(MaxTest = 300)]
    public Property DecorrelatedJitter_StaysBetweenBaseAndCap() =>
        Prop.ForAll(Settings, s =>
        {
            var backoff = new ReconnectBackoff(s.Base, s.Cap, JitterMode.Decorrelated, new Random(s.Seed));
            return Enumerable.Range(0, 40).Select(_ => backoff.Next()).All(d => d >= s.Base && d <= s.Cap);
        });

    [Property(MaxTest = 100)]
    public Property NoJitter_DoublesUpToTheCap_AndResetStartsOver() =>
        Prop.ForAll(Settings, s =>
        {
            var backoff = new ReconnectBackoff(s.Base, s.Cap, JitterMode.None, new Random(s.Seed));
            var delays = Enumerable.Range(0, 40).Select(_ => backoff.Next()).ToList();
            backoff.Reset();
            var expected = Enumerable.Range(0, 40).Select(n => TimeSpan.FromTicks((long)Math.Min(s.Cap.Ticks, s.Base.Ticks * Math.Pow(2, n))));
            return delays.SequenceEqual(expected) && backoff.Next() == s.Base && delays[^1] == s.Cap;
        });

    [Property(MaxTest = 50)]
    public Property Jitter_SpreadsClientsApart() =>
        Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), seed =>
        {
            // 100 clients after their fourth failed pass (ceiling 8 s): not in step.
            var random = new Random(seed);
            var last = Enumerable.Range(0, 100).Select(_ =>
            {
                var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), JitterMode.Full, random);
                var delays = Enumerable.Range(0, 4).Select(_ => backoff.Next()).ToList(); // ToList: Last() alone would call Next() once
                return delays[^1].TotalSeconds;
            }).ToList();
            var mean = last.Average();
            return (last.Distinct().Count() > 90 && mean > 2.5 && mean < 5.5 && last.Max() <= 8)
                .Label($"distinct {last.Distinct().Count()}, mean {mean}, max {last.Max()}");
        });

    [Test]
    public void SameSeed_SameDelays()
    {
        var a = new ReconnectBackoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(10), JitterMode.Decorrelated, new Random(7));
        var b = new ReconnectBackoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(10), JitterMode.Decorrelated, new Random(7));

        Assert.That(Enumerable.Range(0, 20).Select(_ => a.Next()), Is.EqualTo(Enumerable.Range(0, 20).Select(_ => b.Next())));
    }
}
#pragma warning restore NUnit1027
