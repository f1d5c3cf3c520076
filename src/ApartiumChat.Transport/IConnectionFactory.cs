using System.Net;

namespace ApartiumChat.Transport;

/// <summary>Opens connections: TCP sockets for real runs, the in-memory network in simulation.</summary>
public interface IConnectionFactory
{
    /// <exception cref="System.Net.Sockets.SocketException">The peer refused or could not be reached.</exception>
    ValueTask<IConnection> ConnectAsync(EndPoint endPoint, CancellationToken cancellationToken = default);
}
