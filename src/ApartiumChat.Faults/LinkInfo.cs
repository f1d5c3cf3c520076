using System.Net;

namespace ApartiumChat.Faults;

/// <summary>One open connection through a proxy.</summary>
/// <param name="Number">Its number on the proxy: 1, 2, ... in accept order.</param>
/// <param name="Client">The client's address as the proxy sees it.</param>
/// <param name="Upstream">The proxy's own end of the upstream connection, null while it is being opened.</param>
/// <param name="UpstreamToxics">Toxics acting on client-to-server bytes of this connection.</param>
/// <param name="DownstreamToxics">Toxics acting on server-to-client bytes of this connection.</param>
/// <param name="BytesUp">Bytes forwarded client to server.</param>
/// <param name="BytesDown">Bytes forwarded server to client.</param>
public sealed record LinkInfo(
    long Number,
    EndPoint Client,
    EndPoint? Upstream,
    IReadOnlyList<string> UpstreamToxics,
    IReadOnlyList<string> DownstreamToxics,
    long BytesUp,
    long BytesDown);
