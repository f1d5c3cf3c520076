namespace ApartiumChat.Client.Failover;

/// <summary>
/// Delays between passes over the server list when no server answered. The exponential
/// ceiling <c>min(cap, base * 2^pass)</c> is capped first and the jitter drawn inside it, so no
/// delay ever exceeds the cap:
/// <code>
///   Full          U(0, min(cap, base * 2^n))
///   Decorrelated  U(base, min(cap, 3 * previous))     previous starts at base
///   None          min(cap, base * 2^n)
/// </code>
/// Draws come from the injected random source, so a seeded run repeats its delays.
/// </summary>
public sealed class ReconnectBackoff
{
    private readonly TimeSpan _base;
    private readonly TimeSpan _cap;
    private readonly JitterMode _jitter;
    private readonly Random _random;
    private TimeSpan _previous;

    public ReconnectBackoff(TimeSpan @base, TimeSpan cap, JitterMode jitter, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(@base, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(cap, @base);
        ArgumentNullException.ThrowIfNull(random);
        _base = @base;
        _cap = cap;
        _jitter = jitter;
        _random = random;
        _previous = @base;
    }

    /// <summary>Delays handed out since the last <see cref="Reset"/>.</summary>
    public int Attempt { get; private set; }

    /// <summary>The capped exponential delay of pass <paramref name="attempt"/> (0-based).</summary>
    public static TimeSpan Ceiling(TimeSpan @base, TimeSpan cap, int attempt)
    {
        var ticks = @base.Ticks * Math.Pow(2, Math.Min(attempt, 62));
        return ticks >= cap.Ticks ? cap : TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>The delay before the next pass.</summary>
    public TimeSpan Next()
    {
        var ceiling = Ceiling(_base, _cap, Attempt);
        Attempt++;
        switch (_jitter)
        {
            case JitterMode.Full:
                return Uniform(TimeSpan.Zero, ceiling);
            case JitterMode.Decorrelated:
                var upper = TimeSpan.FromTicks((long)Math.Min(_cap.Ticks, _previous.Ticks * 3.0));
                _previous = Uniform(_base, upper);
                return _previous;
            default:
                return ceiling;
        }
    }

    /// <summary>Starts over from the base (after a server answered).</summary>
    public void Reset()
    {
        Attempt = 0;
        _previous = _base;
    }

    private TimeSpan Uniform(TimeSpan low, TimeSpan high) =>
        high <= low ? low : low + TimeSpan.FromTicks((long)(_random.NextDouble() * (high - low).Ticks));
}
