namespace ApartiumChat.Client;

/// <summary>
/// The cluster has a message: its msgid (null on servers without echo-message, where the
/// answer to a later PING is the acknowledgement), where, and how long it took.
/// </summary>
public sealed record MessageAcknowledgement(long LocalId, string? ApplicationId, string? MsgId, string ServerId, bool IsDuplicate, TimeSpan Latency);
