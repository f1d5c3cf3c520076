using System.Net;
using ApartiumChat.Transport;
using ApartiumChat.Transport.Tcp;

namespace ApartiumChat.Scenarios.Execution;

/// <summary>Real loopback sockets in real time: what <c>"mode": "tcp"</c> runs on.</summary>
public sealed class TcpTrialHost : ITrialHost
{
    // One transport for servers, clients and the fault proxies' relays: TCP connections no
    // longer have per-relay settings.
    private readonly TcpTransport _transport = new();

    public string Mode => "tcp";

    public TimeProvider Time => TimeProvider.System;

    public IConnectionListenerFactory Listeners => _transport;

    public IConnectionFactory Connector => _transport;

    public IConnectionListenerFactory RelayListeners => _transport;

    public IConnectionFactory RelayConnector => _transport;

    /// <summary>Port 0: the system picks; a restarted server rebinds the port it got.</summary>
    public EndPoint AddressFor(string name) => new IPEndPoint(IPAddress.Loopback, 0);

    /// <summary>
    /// Seeded, for the draws a replay should repeat (backoff jitter, workload); ids and
    /// tokens are random enough from it within one trial, and real runs do not replay the
    /// network's timing anyway. Shared across threads, so synchronized.
    /// </summary>
    public Random EngineRandom(long trialSeed, string component) =>
        new SynchronizedRandom(new Random(ComponentSeed(trialSeed, component)));

    internal static int ComponentSeed(long trialSeed, string component)
    {
        // FNV-1a over the name, mixed with the seed: stable across processes, unlike string.GetHashCode.
        var hash = 2166136261u;
        foreach (var c in component)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash ^ (uint)trialSeed ^ (uint)(trialSeed >> 32));
    }
}
