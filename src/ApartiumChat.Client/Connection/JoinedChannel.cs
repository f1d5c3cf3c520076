namespace ApartiumChat.Client.Connection;

/// <summary>A channel the session is in, and when it joined (server time if given).</summary>
internal sealed record JoinedChannel(string Name, DateTimeOffset JoinedAt);
