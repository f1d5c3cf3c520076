namespace ApartiumChat.Client.Events;

/// <summary>The cluster acknowledged a message (its echo, or for servers without echo the answer to a later PING). IsDuplicate: the cluster had it already, from an earlier attempt. Latency: from queueing to acknowledgement.</summary>
public sealed record MessageAcknowledged(DateTimeOffset Time, string ClientId, long LocalId, string? ApplicationId, string Target, string ServerId, string? MsgId, bool IsDuplicate, TimeSpan Latency)
    : ClientEvent(Time, ClientId);
