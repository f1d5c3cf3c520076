namespace ApartiumChat.Scenarios.Observations;

/// <summary>Why a client gave up on the connection it was registered over.</summary>
public enum DeadReason
{
    /// <summary>No data for the heartbeat timeout.</summary>
    HeartbeatTimeout,

    /// <summary>The connection was reset or closed under it.</summary>
    ConnectionLost,

    /// <summary>The server said it was shutting down and told the client to move.</summary>
    ServerShutdown,

    /// <summary>Anything else the client reports.</summary>
    Other,
}
