namespace ApartiumChat.Server.Options;

/// <summary>The high-availability extensions (capability <c>apartium.chat/ha</c>, docs/protocol.md).</summary>
public sealed record HaOptions
{
    public static HaOptions Default { get; } = new();

    /// <summary>How long a session whose connection was lost waits to be resumed. Default 120 s.</summary>
    public TimeSpan ResumeRetention { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>How long the cluster remembers an idempotency key after first use. Default 600 s.</summary>
    public TimeSpan IdempotencyRetention { get; init; } = TimeSpan.FromSeconds(600);

    /// <summary>Most idempotency keys remembered per session; past it the oldest go first. Default 100,000.</summary>
    public int MaxIdempotencyKeysPerSession { get; init; } = 100_000;

    /// <summary>Time between HA MOVE and closing connections on a graceful shutdown. Default 2 s.</summary>
    public TimeSpan ShutdownGrace { get; init; } = TimeSpan.FromSeconds(2);

    public IEnumerable<string> Validate()
    {
        if (ResumeRetention <= TimeSpan.Zero)
        {
            yield return $"Ha:ResumeRetention must be positive (got {ResumeRetention})";
        }

        if (IdempotencyRetention <= TimeSpan.Zero)
        {
            yield return $"Ha:IdempotencyRetention must be positive (got {IdempotencyRetention})";
        }

        if (MaxIdempotencyKeysPerSession < 1)
        {
            yield return $"Ha:MaxIdempotencyKeysPerSession must be at least 1 (got {MaxIdempotencyKeysPerSession})";
        }

        if (ShutdownGrace < TimeSpan.Zero)
        {
            yield return $"Ha:ShutdownGrace must not be negative (got {ShutdownGrace})";
        }
    }
}
