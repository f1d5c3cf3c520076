namespace ApartiumChat.Client;

/// <summary>Why a send was given up. Every send ends acknowledged or failed with one of these.</summary>
public enum SendFailureReason
{
    /// <summary>The outbox already held <see cref="HaClientOptions.OutboxCapacity"/> unacknowledged messages.</summary>
    OutboxFull,

    /// <summary>Not acknowledged within <see cref="HaClientOptions.SendTimeout"/>.</summary>
    Timeout,

    /// <summary>The server refused it (no such nick or channel, cannot send to channel, ...).</summary>
    Rejected,

    /// <summary>The text does not fit in one IRC line.</summary>
    TooLong,

    /// <summary>The target or text is not valid (empty, contains a line break, ...).</summary>
    Invalid,

    /// <summary>The client was stopped before the message was acknowledged.</summary>
    Stopped,
}
