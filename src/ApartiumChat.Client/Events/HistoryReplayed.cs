namespace ApartiumChat.Client.Events;

/// <summary>The messages missed in one conversation were fetched after a reconnect (Count: how many were new to the application).</summary>
public sealed record HistoryReplayed(DateTimeOffset Time, string ClientId, string ServerId, string Conversation, int Count, HistoryOutcome Outcome, string? Detail)
    : ClientEvent(Time, ClientId);
