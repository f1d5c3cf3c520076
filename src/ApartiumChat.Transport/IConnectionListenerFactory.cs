using System.Net;

namespace ApartiumChat.Transport;

/// <summary>Binds listeners: TCP sockets for real runs, the in-memory network in simulation.</summary>
public interface IConnectionListenerFactory
{
    /// <exception cref="System.Net.Sockets.SocketException">The address is in use or cannot be bound.</exception>
    ValueTask<IConnectionListener> BindAsync(EndPoint endPoint, CancellationToken cancellationToken = default);
}
