namespace ApartiumChat.Client.Events;

/// <summary>Registered on a server with nick and channels: the end of a connect, failover or fail-back. Limitations says, in words, what the server cannot guarantee (null when it supports everything).</summary>
public sealed record Connected(DateTimeOffset Time, string ClientId, string ServerId, ConnectionPurpose Purpose, RegistrationKind Kind, string Nick, IReadOnlyList<string> Channels, string? Limitations)
    : ClientEvent(Time, ClientId);
