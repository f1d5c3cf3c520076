namespace ApartiumChat.Faults.Toxics;

/// <summary>The direction of a link that a toxic transforms.</summary>
/// <remarks>Toxiproxy's names: <c>upstream</c> is client to server, <c>downstream</c> server to client.</remarks>
public enum ToxicStream
{
    /// <summary>Client to server.</summary>
    Upstream,

    /// <summary>Server to client (Toxiproxy's default).</summary>
    Downstream,
}
