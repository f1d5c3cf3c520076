namespace ApartiumChat.Server.Cluster;

/// <summary>A consistent snapshot of a channel for replies (JOIN, NAMES, TOPIC, MODE, LIST).</summary>
public sealed record ChannelView(
    string Name,
    DateTimeOffset Created,
    string? Topic,
    string? TopicSetBy,
    DateTimeOffset TopicSetAt,
    IReadOnlyList<string> Modes,
    IReadOnlyList<MemberView> Members);

/// <summary>One member as NAMES and WHO show it.</summary>
public sealed record MemberView(string Nick, string User, string Host, string RealName, string ServerName, string Prefixes, bool IsAttached);
