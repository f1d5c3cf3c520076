namespace ApartiumChat.Client.Events;

/// <summary>The server refused to let the client into a channel.</summary>
public sealed record JoinFailed(DateTimeOffset Time, string ClientId, string ServerId, string Channel, string Detail)
    : ClientEvent(Time, ClientId);
