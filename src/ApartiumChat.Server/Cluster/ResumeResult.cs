namespace ApartiumChat.Server.Cluster;

/// <summary>A successful resume: the session, its channels as they stand, and its new token.</summary>
public sealed record ResumeResult(Session Session, IReadOnlyList<ChannelView> Channels, string NewToken);
