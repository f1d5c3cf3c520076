namespace ApartiumChat.Client.Events;

/// <summary>The server in use was declared dead (Silence: how long its answers had stopped, for a heartbeat timeout).</summary>
public sealed record ServerDeclaredDead(DateTimeOffset Time, string ClientId, string ServerId, DeathReason Reason, string Detail, TimeSpan? Silence)
    : ClientEvent(Time, ClientId);
