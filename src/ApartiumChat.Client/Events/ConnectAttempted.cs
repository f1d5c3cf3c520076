namespace ApartiumChat.Client.Events;

/// <summary>An attempt to connect to one server began (Pass counts full passes over the list, from 1).</summary>
public sealed record ConnectAttempted(DateTimeOffset Time, string ClientId, string ServerId, string Address, ConnectionPurpose Purpose, int Pass)
    : ClientEvent(Time, ClientId);
