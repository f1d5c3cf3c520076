namespace ApartiumChat.Server.Cluster;

/// <summary>What a client asked to send: command (PRIVMSG, NOTICE, TAGMSG), text, client-only tags and an optional idempotency key.</summary>
public sealed record MessageDraft(
    string Command,
    string? Text,
    IReadOnlyList<KeyValuePair<string, string>> ClientTags,
    string? IdempotencyKey);
