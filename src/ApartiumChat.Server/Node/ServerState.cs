namespace ApartiumChat.Server.Node;

/// <summary>Where a server node is in its life.</summary>
public enum ServerState
{
    Created,
    Running,

    /// <summary>Frozen like a stopped process: sockets stay open, nothing is read, written or accepted.</summary>
    Hung,

    /// <summary>Telling its clients to move before it closes.</summary>
    ShuttingDown,
    Stopped,
    Crashed,
}
