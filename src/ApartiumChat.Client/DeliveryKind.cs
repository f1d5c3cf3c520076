namespace ApartiumChat.Client;

/// <summary>How a received message reached the client.</summary>
public enum DeliveryKind
{
    /// <summary>Relayed by the server as it was sent.</summary>
    Live,

    /// <summary>Fetched with CHATHISTORY after a reconnect: it was sent while the client was away.</summary>
    History,
}
