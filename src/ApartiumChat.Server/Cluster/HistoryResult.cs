using ApartiumChat.Server.Messages;

namespace ApartiumChat.Server.Cluster;

/// <summary>Messages a CHATHISTORY request found, oldest first, or why it found none.</summary>
public sealed record HistoryResult(ClusterError Error, string Target, IReadOnlyList<OutboundMessage> Messages);
