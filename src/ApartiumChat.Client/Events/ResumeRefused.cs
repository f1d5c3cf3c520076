namespace ApartiumChat.Client.Events;

/// <summary>The server refused the resume token; the client registers afresh and rejoins its channels.</summary>
public sealed record ResumeRefused(DateTimeOffset Time, string ClientId, string ServerId, string Detail)
    : ClientEvent(Time, ClientId);
