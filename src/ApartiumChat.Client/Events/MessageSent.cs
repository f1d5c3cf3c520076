namespace ApartiumChat.Client.Events;

/// <summary>A queued message was written to a server (Attempt counts from 1; above 1 it is a resend after a reconnect).</summary>
public sealed record MessageSent(DateTimeOffset Time, string ClientId, long LocalId, string? ApplicationId, string ServerId, int Attempt)
    : ClientEvent(Time, ClientId);
