namespace ApartiumChat.Client.Events;

/// <summary>The client moved back to a preferred server, registered there before leaving the other.</summary>
public sealed record FailedBack(DateTimeOffset Time, string ClientId, string FromServerId, string ToServerId, RegistrationKind Kind)
    : ClientEvent(Time, ClientId);
