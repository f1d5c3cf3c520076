namespace ApartiumChat.Scenarios.Trials;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood, 2014): a 64-bit mixer whose outputs are fixed forever by
/// its constants, so derived seeds stay the same on every machine and .NET version (unlike
/// <see cref="Random"/>'s stream, which .NET may change).
/// </summary>
internal static class SplitMix64
{
    public const ulong Gamma = 0x9E3779B97F4A7C15;

    /// <summary>The finalizer: a bijection that spreads every input bit over the output.</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }

    /// <summary>The n-th output (n from 1) of a generator seeded with <paramref name="seed"/>.</summary>
    public static ulong Nth(ulong seed, ulong n) => Mix(unchecked(seed + (n * Gamma)));

    /// <summary>A uniform double in [0, 1) from 53 bits of <paramref name="bits"/>.</summary>
    public static double Unit(ulong bits) => (bits >> 11) * (1.0 / (1UL << 53));
}
