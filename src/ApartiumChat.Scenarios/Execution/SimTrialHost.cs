using System.Net;
using ApartiumChat.Faults.Journal;
using ApartiumChat.Transport;
using ApartiumChat.Transport.Simulation;

namespace ApartiumChat.Scenarios.Execution;

/// <summary>
/// What <c>"mode": "sim"</c> runs on, one per trial: a fresh <see cref="SimulationLoop"/> (one
/// thread, virtual time) and a fresh <see cref="InMemoryNetwork"/>, with addresses by name
/// (<c>s0:6667</c>, <c>c0-s0:6667</c>) and every engine draw seeded from the trial seed and the
/// component's name. Nothing here depends on the process, the thread or the wall clock, so a
/// trial replays event for event from its seed.
/// </summary>
public sealed class SimTrialHost : ITrialHost
{
    /// <summary>The port every simulated endpoint listens on (names tell them apart).</summary>
    public const int Port = 6667;

    public SimTrialHost()
    {
        Loop = new SimulationLoop();
        Network = new InMemoryNetwork();
    }

    /// <summary>The loop the trial's whole body runs on.</summary>
    public SimulationLoop Loop { get; }

    public InMemoryNetwork Network { get; }

    public string Mode => "sim";

    public TimeProvider Time => Loop.Time;

    public IConnectionListenerFactory Listeners => Network;

    public IConnectionFactory Connector => Network;

    /// <summary>The same network: simulated proxies relay as cheaply as anything else.</summary>
    public IConnectionListenerFactory RelayListeners => Network;

    public IConnectionFactory RelayConnector => Network;

    public EndPoint AddressFor(string name) => new DnsEndPoint(name, Port);

    /// <summary>
    /// A plain seeded <see cref="Random"/>: everything runs on the loop's one thread, so no
    /// lock is needed, and the draws happen in the same order on every replay.
    /// </summary>
    public Random EngineRandom(long trialSeed, string component) =>
        new(StableSeed.DeriveSeed(trialSeed, "engine", component));
}
