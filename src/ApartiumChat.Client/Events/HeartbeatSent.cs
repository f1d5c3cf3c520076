namespace ApartiumChat.Client.Events;

/// <summary>The client sent its own PING to the server in use.</summary>
public sealed record HeartbeatSent(DateTimeOffset Time, string ClientId, string ServerId, long Sequence)
    : ClientEvent(Time, ClientId);
