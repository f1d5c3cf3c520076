namespace ApartiumChat.Client.Events;

/// <summary>A send was accepted into the outbox (LocalId numbers the client's sends; ApplicationId is the caller's own id, if given).</summary>
public sealed record MessageQueued(DateTimeOffset Time, string ClientId, long LocalId, string? ApplicationId, string Target, string IdempotencyKey)
    : ClientEvent(Time, ClientId);
