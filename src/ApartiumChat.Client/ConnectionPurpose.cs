namespace ApartiumChat.Client;

/// <summary>Why the client is connecting to a server.</summary>
public enum ConnectionPurpose
{
    /// <summary>The first connection after start.</summary>
    Initial,

    /// <summary>The server in use was declared dead (crash, hang, cut link, shutdown notice).</summary>
    Failover,

    /// <summary>Back to a preferred server that has been healthy for the hold-down.</summary>
    Failback,
}
