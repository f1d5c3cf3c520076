using ApartiumChat.Server.Messages;

namespace ApartiumChat.Server.Cluster;

/// <summary>
/// How the cluster reaches the connection that currently carries a session.
/// </summary>
/// <remarks>
/// The cluster calls these while it holds its lock, so that delivery order is history order.
/// Rule: an endpoint never blocks and never calls back into the cluster from these methods;
/// it queues, and acts later on its own connection's loop. That is also why a hung node,
/// whose loops are paused, can never hold up the others.
/// </remarks>
public interface ISessionEndpoint
{
    /// <summary>Name of the server node the connection is on (for WHOIS).</summary>
    string ServerName { get; }

    /// <summary>Queues a message for the client. Never blocks.</summary>
    void Deliver(OutboundMessage message);

    /// <summary>The session was resumed on another connection: say so and close. Never blocks.</summary>
    void TakenOver();
}
