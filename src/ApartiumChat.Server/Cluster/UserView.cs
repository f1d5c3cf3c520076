namespace ApartiumChat.Server.Cluster;

/// <summary>A session as WHOIS shows it.</summary>
public sealed record UserView(
    string Nick,
    string User,
    string Host,
    string RealName,
    string? ServerName,
    DateTimeOffset SignOn,
    bool IsAttached,
    IReadOnlyList<string> Channels);
