namespace ApartiumChat.Client;

/// <summary>Why a server connection was declared dead.</summary>
public enum DeathReason
{
    /// <summary>The connection failed or was reset (crash, RST).</summary>
    SocketError,

    /// <summary>The server closed the connection (FIN), perhaps after an ERROR line.</summary>
    Closed,

    /// <summary>No answer to the client's own heartbeats for the heartbeat timeout (hang, cut link).</summary>
    HeartbeatTimeout,

    /// <summary>
    /// The link lost data: the server answered a later PING (or a later send) but not an
    /// earlier one. Servers answer in order, so a skipped answer means bytes vanished on a
    /// connection that still looks open.
    /// </summary>
    DataLost,

    /// <summary>The server announced a graceful shutdown (HA MOVE); the client leaves before it closes.</summary>
    ServerShutdown,
}
