namespace ApartiumChat.Client.Events;

/// <summary>A probe of a preferred server changed its verdict: healthy (answering; HealthyFor so far) or not (Detail says why; the hold-down starts over).</summary>
public sealed record FailbackProbed(DateTimeOffset Time, string ClientId, string ServerId, bool Healthy, TimeSpan HealthyFor, string Detail)
    : ClientEvent(Time, ClientId);
