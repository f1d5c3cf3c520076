namespace ApartiumChat.Client.Events;

/// <summary>The server answered a heartbeat PING (RoundTrip: from sending it to its PONG).</summary>
public sealed record HeartbeatAnswered(DateTimeOffset Time, string ClientId, string ServerId, long Sequence, TimeSpan RoundTrip)
    : ClientEvent(Time, ClientId);
