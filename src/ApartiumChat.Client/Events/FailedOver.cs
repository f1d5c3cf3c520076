namespace ApartiumChat.Client.Events;

/// <summary>The client moved to another server after declaring one dead (Elapsed: from the declaration to registration on the new one).</summary>
public sealed record FailedOver(DateTimeOffset Time, string ClientId, string FromServerId, string ToServerId, RegistrationKind Kind, TimeSpan Elapsed)
    : ClientEvent(Time, ClientId);
