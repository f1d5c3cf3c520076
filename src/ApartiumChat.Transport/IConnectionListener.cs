using System.Net;

namespace ApartiumChat.Transport;

/// <summary>A bound listening endpoint that hands out accepted connections.</summary>
public interface IConnectionListener : IAsyncDisposable
{
    /// <summary>The bound address (with the real port when port 0 was asked for).</summary>
    EndPoint EndPoint { get; }

    /// <summary>
    /// Waits for the next connection. Returns <c>null</c> once the listener is unbound or disposed.
    /// While nobody calls this, connections still complete their handshake and wait in the backlog.
    /// </summary>
    ValueTask<IConnection?> AcceptAsync(CancellationToken cancellationToken = default);

    /// <summary>Stops listening: new connections are refused; pending accepts return <c>null</c>.</summary>
    ValueTask UnbindAsync(CancellationToken cancellationToken = default);
}
