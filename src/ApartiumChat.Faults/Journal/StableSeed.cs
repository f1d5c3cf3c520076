using System.Globalization;
using System.Text;

namespace ApartiumChat.Faults.Journal;

/// <summary>
/// Seeds and draws derived from a master seed and a key, the same in every process and on
/// every machine. <see cref="string.GetHashCode()"/> is randomized per process and would make
/// a replay draw differently, so keys are hashed with FNV-1a over their UTF-8 bytes and mixed
/// with SplitMix64. A decision for (fault T, connection N) depends only on the seed and that
/// key, never on what other connections or toxics drew before it.
/// </summary>
public static class StableSeed
{
    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    /// <summary>A 64-bit hash of the seed and the key parts.</summary>
    public static ulong Hash(long seed, params ReadOnlySpan<string> parts)
    {
        var hash = FnvOffset;
        hash = Mix(hash, seed.ToString(CultureInfo.InvariantCulture));
        foreach (var part in parts)
        {
            hash = Mix(hash, part);
        }

        return Finalize(hash);
    }

    /// <summary>A uniform draw in [0, 1) for the key.</summary>
    public static double Draw(long seed, params ReadOnlySpan<string> parts) =>
        (Hash(seed, parts) >> 11) * (1.0 / (1UL << 53));

    /// <summary>A seed for a <see cref="Random"/> (whose seeded algorithm is fixed across .NET versions).</summary>
    public static int DeriveSeed(long seed, params ReadOnlySpan<string> parts) =>
        (int)(Hash(seed, parts) & int.MaxValue);

    private static ulong Mix(ulong hash, string part)
    {
        Span<byte> buffer = stackalloc byte[256];
        var bytes = Encoding.UTF8.GetByteCount(part) <= buffer.Length ? buffer : new byte[Encoding.UTF8.GetByteCount(part)];
        var length = Encoding.UTF8.GetBytes(part, bytes);
        foreach (var b in bytes[..length])
        {
            hash = (hash ^ b) * FnvPrime;
        }

        // A separator that UTF-8 never produces keeps ("ab","c") apart from ("a","bc").
        return (hash ^ 0xFF) * FnvPrime;
    }

    private static ulong Finalize(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
