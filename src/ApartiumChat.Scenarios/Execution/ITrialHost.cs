using System.Net;
using ApartiumChat.Transport;

namespace ApartiumChat.Scenarios.Execution;

/// <summary>
/// What a trial runs on: its clock, its network and its randomness. <c>tcp</c>: real loopback
/// sockets and real time. <c>sim</c>: the in-memory network on a simulation loop in virtual
/// time, where every draw comes from the trial's seed. The trial code is the same for both.
/// </summary>
public interface ITrialHost
{
    /// <summary><c>tcp</c> or <c>sim</c>.</summary>
    string Mode { get; }

    TimeProvider Time { get; }

    /// <summary>Where servers listen and clients connect.</summary>
    IConnectionListenerFactory Listeners { get; }

    IConnectionFactory Connector { get; }

    /// <summary>The network the fault proxies relay over (TCP: scheduled for low latency).</summary>
    IConnectionListenerFactory RelayListeners { get; }

    IConnectionFactory RelayConnector { get; }

    /// <summary>An address to bind for a named endpoint (a server, or a proxy of a link).</summary>
    EndPoint AddressFor(string name);

    /// <summary>The random source for the engines' own draws (ids, tokens, jitter) of one component.</summary>
    Random EngineRandom(long trialSeed, string component);
}
