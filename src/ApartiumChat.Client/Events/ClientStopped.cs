namespace ApartiumChat.Client.Events;

/// <summary>The client stopped for good (StopAsync, or a refusal retrying cannot fix).</summary>
public sealed record ClientStopped(DateTimeOffset Time, string ClientId, string Reason)
    : ClientEvent(Time, ClientId);
