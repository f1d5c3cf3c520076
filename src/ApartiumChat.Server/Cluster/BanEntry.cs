namespace ApartiumChat.Server.Cluster;

/// <summary>One +b entry: a <c>nick!user@host</c> wildcard mask, who set it and when.</summary>
public sealed record BanEntry(string Mask, string SetBy, DateTimeOffset SetAt);
