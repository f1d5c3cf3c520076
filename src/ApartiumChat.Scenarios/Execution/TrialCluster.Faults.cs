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
    /// <summary>Applies a fault; returns the clients whose links it acts on (empty for server faults).</summary>
    public async Task<IReadOnlyList<string>> ApplyAsync(Fault fault, CancellationToken cancellationToken)
    {
        switch (fault.Type)
        {
            case FaultType.Crash:
                await CrashAsync(fault.Server);
                return [];
            case FaultType.Restart:
                await StartServerAsync(fault.Server, _serverAddresses[fault.Server], cancellationToken);
                return [];
            case FaultType.Hang:
                _servers[fault.Server]!.Hang();
                _states[fault.Server] = ServerState.Hung;
                return [];
            case FaultType.Unhang:
                _servers[fault.Server]!.Unhang();
                _states[fault.Server] = ServerState.Running;
                return [];
            case FaultType.Shutdown:
                Shutdown(fault.Server);
                return [];
            case FaultType.Heal:
                var healed = fault.TargetClients(_scenario.ClientIds);
                foreach (var client in healed)
                {
                    _proxies[(client, fault.Server)].RemoveAllToxics();
                }

                return healed;
            default:
                return ApplyToLinks(fault);
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

    private List<string> ApplyToLinks(Fault fault)
    {
        var name = FaultName(fault);
        var now = _host.Time.GetUtcNow();
        var targets = new List<string>();
        foreach (var client in fault.TargetClients(_scenario.ClientIds))
        {
            var proxy = _proxies[(client, fault.Server)];
            if (!Injections.Decide(_trialSeed, proxy.Name, name, client, fault.Toxicity, now))
            {
                continue;
            }

            targets.Add(client);
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

        return targets;
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
