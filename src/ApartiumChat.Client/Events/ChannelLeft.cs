namespace ApartiumChat.Client.Events;

/// <summary>The client left a channel (parted, or was kicked: Detail says which).</summary>
public sealed record ChannelLeft(DateTimeOffset Time, string ClientId, string ServerId, string Channel, string Detail)
    : ClientEvent(Time, ClientId);
