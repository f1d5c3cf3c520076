namespace ApartiumChat.Client.Events;

/// <summary>Everything a reconnect recovers is done: history replayed for every conversation, and the outbox resent.</summary>
public sealed record RecoveryCompleted(DateTimeOffset Time, string ClientId, string ServerId, ConnectionPurpose Purpose, int MessagesReplayed, int MessagesResent, bool HistoryComplete, string? Detail)
    : ClientEvent(Time, ClientId);
