namespace ApartiumChat.Client.Events;

/// <summary>A message from someone else, delivered to the application exactly once. Conversation: the channel, or the other nick of a private conversation. SentAt: the server's time tag (null without server-time).</summary>
public sealed record MessageReceived(DateTimeOffset Time, string ClientId, string ServerId, string Conversation, bool IsPrivate, string Sender, string Text, string? MsgId, DateTimeOffset? SentAt, DeliveryKind Delivery, string Command)
    : ClientEvent(Time, ClientId);
