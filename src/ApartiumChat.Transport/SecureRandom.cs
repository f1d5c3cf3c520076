using System.Security.Cryptography;

namespace ApartiumChat.Transport;

/// <summary>
/// A <see cref="Random"/> backed by the operating system's cryptographic generator, for the
/// draws that security rests on in real runs (resume tokens, message ids). Thread-safe.
/// Engines take a <see cref="Random"/>: this one for real runs, a seeded one in simulation.
/// </summary>
public sealed class SecureRandom : Random
{
    public override int Next() => Next(0, int.MaxValue);

    public override int Next(int maxValue) => Next(0, maxValue);

    public override int Next(int minValue, int maxValue) =>
        minValue == maxValue ? minValue : RandomNumberGenerator.GetInt32(minValue, maxValue);

    public override long NextInt64() => NextInt64(0, long.MaxValue);

    public override long NextInt64(long maxValue) => NextInt64(0, maxValue);

    public override long NextInt64(long minValue, long maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minValue, maxValue);
        var range = (ulong)(maxValue - minValue);
        if (range == 0)
        {
            return minValue;
        }

        // Rejection sampling keeps the draw uniform.
        var limit = ulong.MaxValue - (ulong.MaxValue % range);
        Span<byte> bytes = stackalloc byte[8];
        ulong value;
        do
        {
            RandomNumberGenerator.Fill(bytes);
            value = BitConverter.ToUInt64(bytes);
        }
        while (value >= limit);

        return minValue + (long)(value % range);
    }

    public override double NextDouble() => (NextInt64(0, 1L << 53)) * (1.0 / (1L << 53));

    public override float NextSingle() => Next(0, 1 << 24) * (1.0f / (1 << 24));

    public override void NextBytes(byte[] buffer) => RandomNumberGenerator.Fill(buffer);

    public override void NextBytes(Span<byte> buffer) => RandomNumberGenerator.Fill(buffer);

    protected override double Sample() => NextDouble();
}
