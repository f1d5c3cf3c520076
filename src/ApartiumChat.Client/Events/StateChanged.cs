namespace ApartiumChat.Client.Events;

/// <summary>The connection state changed.</summary>
public sealed record StateChanged(DateTimeOffset Time, string ClientId, ClientState Previous, ClientState Current)
    : ClientEvent(Time, ClientId);
