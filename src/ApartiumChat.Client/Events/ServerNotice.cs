namespace ApartiumChat.Client.Events;

/// <summary>A notice or error reply from the server that nothing else handles (for people to read).</summary>
public sealed record ServerNotice(DateTimeOffset Time, string ClientId, string ServerId, string Text)
    : ClientEvent(Time, ClientId);
