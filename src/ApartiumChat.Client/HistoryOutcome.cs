namespace ApartiumChat.Client;

/// <summary>How completely the history of one conversation was recovered after a reconnect.</summary>
public enum HistoryOutcome
{
    /// <summary>Everything after the last message seen, by its msgid: nothing missed.</summary>
    Complete,

    /// <summary>
    /// The server did not know the last msgid seen (expired, or another network), so the client
    /// asked by time instead: what the server holds after that time, which may not be all.
    /// </summary>
    ByTimestamp,

    /// <summary>The server cannot replay history (no draft/chathistory, or it refused): missed messages are lost.</summary>
    Unavailable,
}
