using System.IO.Pipelines;
using System.Net;

namespace ApartiumChat.Transport;

/// <summary>
/// A duplex byte connection. <see cref="Transport"/>.Input carries the bytes the peer sent;
/// <see cref="Transport"/>.Output carries the bytes for the peer.
/// </summary>
/// <remarks>
/// Closing follows TCP:
/// <list type="bullet">
/// <item>Completing <c>Output</c> sends a FIN (half-close): the peer's input completes, and this side may still read.</item>
/// <item>The peer's FIN shows as a read result with <c>IsCompleted</c>.</item>
/// <item><see cref="Abort"/> resets the connection (RST): unsent data is dropped and the peer's next
/// read or write fails with <see cref="ConnectionResetException"/>.</item>
/// <item><see cref="IAsyncDisposable.DisposeAsync"/> closes gracefully: pending output is sent, then FIN.</item>
/// </list>
/// </remarks>
public interface IConnection : IAsyncDisposable
{
    /// <summary>A number unique within the transport that made the connection (deterministic in simulation).</summary>
    long Id { get; }

    EndPoint LocalEndPoint { get; }

    EndPoint RemoteEndPoint { get; }

    IDuplexPipe Transport { get; }

    /// <summary>Resets the connection (TCP RST). Idempotent.</summary>
    void Abort();
}
