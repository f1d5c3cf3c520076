namespace ApartiumChat.Client.Events;

/// <summary>The client's nick changed.</summary>
public sealed record NickChanged(DateTimeOffset Time, string ClientId, string ServerId, string OldNick, string NewNick)
    : ClientEvent(Time, ClientId);
