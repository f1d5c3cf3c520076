namespace ApartiumChat.Client.Events;

/// <summary>A send was given up, for a definite reason.</summary>
public sealed record MessageFailed(DateTimeOffset Time, string ClientId, long LocalId, string? ApplicationId, string Target, SendFailureReason Reason, string Detail)
    : ClientEvent(Time, ClientId);
