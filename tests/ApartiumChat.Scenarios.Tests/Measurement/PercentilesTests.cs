using ApartiumChat.Reports.Results;
using ApartiumChat.Scenarios.Measurement;
using FsCheck;
using FsCheck.Fluent;
using PropertyAttribute = FsCheck.NUnit.PropertyAttribute;

namespace ApartiumChat.Scenarios.Tests.Measurement;

public sealed class PercentilesTests
{
    [TestCase(50, 50.0)]
    [TestCase(90, 90.0)]
    [TestCase(99, 99.0)]
    [TestCase(100, 100.0)]
    [TestCase(1, 1.0)]
    public void NearestRank_OfOneToHundred_IsTheRankItself(int percent, double expected)
    {
        var samples = Enumerable.Range(1, 100).Select(i => (double)i).ToArray();

        Assert.That(Percentiles.NearestRank(samples, percent), Is.EqualTo(expected));
    }

    [Test]
    public void NearestRank_RoundsTheRankUp()
    {
        double[] samples = [15, 20, 35, 40, 50];

        // Ranks: p30 -> ceil(1.5) = 2, p40 -> 2, p50 -> ceil(2.5) = 3, p100 -> 5 (the textbook example).
        Assert.That(new[] { 30, 40, 50, 100 }.Select(p => Percentiles.NearestRank(samples, p)), Is.EqualTo(new[] { 20.0, 20.0, 35.0, 50.0 }));
    }

    [Test]
    public void OneSample_IsEveryPercentile()
    {
        Assert.That(Percentiles.Summarize([7.5]), Is.EqualTo(new TimingSummary(1, 7.5, 7.5, 7.5, 7.5)));
    }

    [Test]
    public void NoSample_HasNoPercentile()
    {
        Assert.That(Percentiles.Summarize([]), Is.EqualTo(TimingSummary.Empty));
        Assert.Throws<ArgumentException>(() => Percentiles.NearestRank([], 50));
    }

    [Test]
    public void Summarize_SortsItsInput()
    {
        Assert.That(Percentiles.Summarize([30, 10, 20]), Is.EqualTo(new TimingSummary(3, 20, 30, 30, 30)));
    }

    private static Arbitrary<(double[] Samples, int Percent)> SamplesAndPercent() =>
        Gen.Choose(1, 100)
            .SelectMany(_ => Gen.Choose(-1000, 100_000).Select(v => v / 10.0).NonEmptyListOf(), (p, list) => (list.ToArray(), p))
            .ToArbitrary();

    /// <summary>
    /// The definition: at least p% of samples are at or below the percentile, fewer than p% are
    /// strictly below it, and it is one of the samples.
    /// </summary>
    [Property(MaxTest = 300)]
    public Property NearestRank_MeetsItsDefinition() => Prop.ForAll(SamplesAndPercent(), input =>
    {
        var (samples, percent) = input;
        var sorted = samples.Order().ToArray();
        var value = Percentiles.NearestRank(sorted, percent);
        var atOrBelow = sorted.Count(s => s <= value);
        var below = sorted.Count(s => s < value);
        return sorted.Contains(value) && atOrBelow * 100L >= (long)percent * sorted.Length && below * 100L < (long)percent * sorted.Length;
    });

    [Property(MaxTest = 200)]
    public Property Summary_IsOrdered_AndMaxIsTheLargest() => Prop.ForAll(SamplesAndPercent(), input =>
    {
        var summary = Percentiles.Summarize(input.Samples);
        return summary.N == input.Samples.Length
            && summary.P50 <= summary.P90 && summary.P90 <= summary.P99 && summary.P99 <= summary.Max
            && summary.Max == input.Samples.Max();
    });
}
