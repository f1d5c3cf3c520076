namespace ApartiumChat.Transport;

/// <summary>
/// Makes a (seeded) <see cref="Random"/> safe to share between threads in real runs. In
/// simulation everything runs on one thread, so the draws stay in a reproducible order.
/// </summary>
public sealed class SynchronizedRandom : Random
{
    private readonly Random _inner;
    private readonly Lock _gate = new();

    public SynchronizedRandom(Random inner)
    {
        _inner = inner;
    }

    /// <summary>A seeded, thread-safe source.</summary>
    public static SynchronizedRandom FromSeed(int seed) => new(new Random(seed));

    public override int Next()
    {
        lock (_gate)
        {
            return _inner.Next();
        }
    }

    public override int Next(int maxValue)
    {
        lock (_gate)
        {
            return _inner.Next(maxValue);
        }
    }

    public override int Next(int minValue, int maxValue)
    {
        lock (_gate)
        {
            return _inner.Next(minValue, maxValue);
        }
    }

    public override long NextInt64()
    {
        lock (_gate)
        {
            return _inner.NextInt64();
        }
    }

    public override long NextInt64(long maxValue)
    {
        lock (_gate)
        {
            return _inner.NextInt64(maxValue);
        }
    }

    public override long NextInt64(long minValue, long maxValue)
    {
        lock (_gate)
        {
            return _inner.NextInt64(minValue, maxValue);
        }
    }

    public override double NextDouble()
    {
        lock (_gate)
        {
            return _inner.NextDouble();
        }
    }

    public override float NextSingle()
    {
        lock (_gate)
        {
            return _inner.NextSingle();
        }
    }

    public override void NextBytes(byte[] buffer)
    {
        lock (_gate)
        {
            _inner.NextBytes(buffer);
        }
    }

    public override void NextBytes(Span<byte> buffer)
    {
        lock (_gate)
        {
            _inner.NextBytes(buffer);
        }
    }

    protected override double Sample() => NextDouble();
}
