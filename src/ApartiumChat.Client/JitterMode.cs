namespace ApartiumChat.Client;

/// <summary>How the reconnect backoff spreads its delays (applied after the cap, so no delay exceeds it).</summary>
public enum JitterMode
{
    /// <summary>A uniform draw from zero to the capped exponential delay (AWS "full jitter").</summary>
    Full,

    /// <summary>A uniform draw from the base to three times the previous delay, capped (AWS "decorrelated jitter").</summary>
    Decorrelated,

    /// <summary>The capped exponential delay itself: for tests and demonstrations.</summary>
    None,
}
