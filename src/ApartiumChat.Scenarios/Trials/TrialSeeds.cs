namespace ApartiumChat.Scenarios.Trials;

/// <summary>
/// Derives trial seeds from the master seed:
/// <code>seed_i = SplitMix64_i(masterSeed) &gt;&gt; 11    (i = 1, 2, ... the trial index)</code>
/// that is the i-th output of a SplitMix64 generator seeded with the master seed, cut to 53
/// bits so that every seed is exact in any JSON reader and easy to paste into
/// <c>--trial-seed</c>. The derivation is fixed: the same master seed gives the same trial
/// seeds on every machine, and a trial seed alone replays its trial.
/// </summary>
public static class TrialSeeds
{
    /// <summary>The largest seed (2^53 - 1), master or trial.</summary>
    public const long MaxSeed = (1L << 53) - 1;

    public static long Derive(long masterSeed, int trialIndex)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(trialIndex, 1);
        return (long)(SplitMix64.Nth(unchecked((ulong)masterSeed), (ulong)trialIndex) >> 11);
    }

    /// <summary>
    /// The trials of a run: 1..<paramref name="trials"/> with derived seeds, or, when
    /// replaying, the one trial with <paramref name="replaySeed"/> (its index found among the
    /// run's trials when it is one of them, else 1).
    /// </summary>
    public static IReadOnlyList<PlannedTrial> Plan(long masterSeed, int trials, long? replaySeed = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(trials, 1);
        if (replaySeed is { } seed)
        {
            return [new PlannedTrial(FindIndex(masterSeed, trials, seed) ?? 1, seed)];
        }

        return Enumerable.Range(1, trials).Select(i => new PlannedTrial(i, Derive(masterSeed, i))).ToArray();
    }

    /// <summary>Which of the run's trials has <paramref name="trialSeed"/>, if any.</summary>
    public static int? FindIndex(long masterSeed, int trials, long trialSeed)
    {
        for (var i = 1; i <= trials; i++)
        {
            if (Derive(masterSeed, i) == trialSeed)
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>The seed of one purpose's stream within a trial.</summary>
    public static long StreamSeed(long trialSeed, TrialStream stream) =>
        (long)(SplitMix64.Nth(SplitMix64.Mix(unchecked((ulong)trialSeed)), (ulong)stream) >> 11);

    /// <summary>
    /// A seeded <see cref="Random"/> for one stream of a trial (not thread-safe: wrap it in a
    /// SynchronizedRandom when threads share it).
    /// </summary>
    public static Random CreateRandom(long trialSeed, TrialStream stream)
    {
        var seed = StreamSeed(trialSeed, stream);
        return new Random(unchecked((int)(seed ^ (seed >> 32))));
    }
}
