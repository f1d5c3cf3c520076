using System.Globalization;
using ApartiumChat.Faults.Toxics;
using ApartiumChat.Scenarios.Model;
using ApartiumChat.Server.Node;

namespace ApartiumChat.Scenarios.Execution;

/// <summary>
/// Applying the timeline's faults. Server faults act on the node; link faults become toxics on
/// the proxies of the targeted links (each (fault, client) targeting drawn once from the
/// trial's seed and journaled, so a replay injects the same).
/// </summary>
internal sealed partial class TrialCluster
{
    /// <summary>
    /// The clients a link fault acts on in this trial: each named client's link is drawn once
    /// against the fault's toxicity (and journaled). Empty for server faults and heals.
    /// </summary>
    public IReadOnlyList<string> Target(Fault fault)
    {
        if (fault.Kind != FaultKind.Link || fault.Type == FaultType.Heal)
        {
            return [];
        }

        var name = FaultName(fault);
        var now = _host.Time.GetUtcNow();
        return [.. fault.TargetClients(_scenario.ClientIds)
            .Where(client => Injections.Decide(_trialSeed, _proxies[(client, fault.Server)].Name, name, client, fault.Toxicity, now))];
    }

    /// <summary>
    /// Faults that share an instant act together. Applying them takes a few milliseconds over
    /// real sockets (a crash aborts connections, stops listening, waits for its loops), and a
    /// client thrown off the first server can register on the next within that time, only to
    /// be thrown off again when its crash comes: a failover the scenario never asked for. So
    /// every server crashed at this instant stops serving (as a hang: nothing read, nothing
    /// registered) before the first of the faults is applied. In simulation nothing runs
    /// between them either way.
    /// </summary>
    public void PrepareSimultaneous(IEnumerable<Fault> faults)
    {
        foreach (var fault in faults)
        {
            if (fault.Type == FaultType.Crash && _states[fault.Server] == ServerState.Running && _servers[fault.Server] is { } server)
            {
                server.Hang();
            }
        }
    }

    /// <summary>Applies a fault (a link fault to the <paramref name="targets"/> <see cref="Target"/> chose).</summary>
    public async Task ApplyAsync(Fault fault, IReadOnlyList<string> targets, CancellationToken cancellationToken)
    {
        switch (fault.Type)
        {
            case FaultType.Crash:
                await CrashAsync(fault.Server);
                break;
            case FaultType.Restart:
                await StartServerAsync(fault.Server, _serverAddresses[fault.Server], cancellationToken);
                break;
            case FaultType.Hang:
                _servers[fault.Server]!.Hang();
                _states[fault.Server] = ServerState.Hung;
                break;
            case FaultType.Unhang:
                _servers[fault.Server]!.Unhang();
                _states[fault.Server] = ServerState.Running;
                break;
            case FaultType.Shutdown:
                Shutdown(fault.Server);
                break;
            case FaultType.Heal:
                foreach (var client in fault.TargetClients(_scenario.ClientIds))
                {
                    _proxies[(client, fault.Server)].RemoveAllToxics();
                }

                break;
            default:
                ApplyToLinks(fault, targets);
                break;
        }
    }

    /// <summary>A link fault ended by itself (its forMs) for these clients.</summary>
    public void Expire(Fault fault, IReadOnlyList<string> clients)
    {
        foreach (var client in clients)
        {
            var proxy = _proxies[(client, fault.Server)];
            foreach (var toxic in proxy.Toxics.Where(t => t.Name.StartsWith(ToxicPrefix(fault), StringComparison.Ordinal)).ToList())
            {
                proxy.RemoveToxic(toxic.Name);
            }
        }
    }

    private void ApplyToLinks(Fault fault, IReadOnlyList<string> targets)
    {
        var name = FaultName(fault);
        foreach (var client in targets)
        {
            var proxy = _proxies[(client, fault.Server)];
            if (fault.Type == FaultType.Reset)
            {
                proxy.ResetConnections(name);
                continue;
            }

            foreach (var toxic in ToxicsFor(fault))
            {
                proxy.AddToxic(toxic);
            }
        }
    }

    /// <summary>The toxics that make up a link fault (the scenario's own forMs is healed by the timeline).</summary>
    private static IEnumerable<Toxic> ToxicsFor(Fault fault)
    {
        var prefix = ToxicPrefix(fault);
        return fault.Type switch
        {
            FaultType.Latency => Directed(fault, prefix, new LatencyToxic { LatencyMs = fault.LatencyMs!.Value, JitterMs = fault.JitterMs ?? 0 }),
            FaultType.Bandwidth => Directed(fault, prefix, new BandwidthToxic { RateKBps = fault.RateKBps!.Value }),
            FaultType.Blackhole => Directed(fault, prefix, new BlackholeToxic()),
            FaultType.Slicer => Directed(fault, prefix, new SlicerToxic
            {
                AverageSize = fault.AverageBytes!.Value,
                SizeVariation = fault.VariationBytes ?? 0,
                DelayUs = fault.DelayUs ?? 0,
            }),
            FaultType.Refuse => [Toxic.Create(new RefuseToxic(), name: prefix + "refuse")],
            FaultType.Partition => [.. Toxic.BothWays(new BlackholeToxic(), prefix + "blackhole"), Toxic.Create(new RefuseToxic(), name: prefix + "refuse")],
            _ => throw new ArgumentException($"{fault.Type} is not a link fault", nameof(fault)),
        };
    }

    private static IEnumerable<Toxic> Directed(Fault fault, string prefix, ToxicAttributes attributes) => fault.Direction switch
    {
        LinkDirection.Upstream => [Toxic.Create(attributes, ToxicStream.Upstream, prefix + attributes.Type + "_upstream")],
        LinkDirection.Downstream => [Toxic.Create(attributes, ToxicStream.Downstream, prefix + attributes.Type + "_downstream")],
        _ => Toxic.BothWays(attributes, prefix + attributes.Type),
    };

    private static string FaultName(Fault fault) => string.Create(CultureInfo.InvariantCulture, $"f{fault.Index}-{FaultTypes.Name(fault.Type)}");

    private static string ToxicPrefix(Fault fault) => string.Create(CultureInfo.InvariantCulture, $"f{fault.Index}-");

    private async Task CrashAsync(string id)
    {
        var server = _servers[id]!;
        _states[id] = ServerState.Crashed;
        _servers[id] = null;
        await server.CrashAsync();
        await server.DisposeAsync();
    }

    private void Shutdown(string id)
    {
        var server = _servers[id]!;
        _states[id] = ServerState.ShuttingDown;
        _shutdowns.Add(ShutdownAsync(id, server));
    }

    // The grace period runs on while the timeline goes on; the node counts as down from the
    // notice on (clients are told to leave it).
    private async Task ShutdownAsync(string id, IrcServer server)
    {
        await server.ShutdownAsync();
        if (ReferenceEquals(_servers[id], server))
        {
            _servers[id] = null;
            _states[id] = ServerState.Stopped;
        }

        await server.DisposeAsync();
    }
}
