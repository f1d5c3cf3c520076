namespace ApartiumChat.Scenarios.Model;

/// <summary>Which way of a link a link fault acts on.</summary>
public enum LinkDirection
{
    /// <summary>Client to server and server to client.</summary>
    Both,

    /// <summary>Client to server.</summary>
    Upstream,

    /// <summary>Server to client.</summary>
    Downstream,
}
