namespace ApartiumChat.Client.Events;

/// <summary>The client is in a channel.</summary>
public sealed record ChannelJoined(DateTimeOffset Time, string ClientId, string ServerId, string Channel)
    : ClientEvent(Time, ClientId);
