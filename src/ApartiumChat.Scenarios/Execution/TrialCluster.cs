using System.Net;
using ApartiumChat.Faults;
using ApartiumChat.Faults.Journal;
using ApartiumChat.Scenarios.Model;
using ApartiumChat.Scenarios.Trials;
using ApartiumChat.Server.Cluster;
using ApartiumChat.Server.Node;
using ApartiumChat.Server.Options;

namespace ApartiumChat.Scenarios.Execution;

/// <summary>
/// The servers of one trial, sharing one in-process cluster bus, and one fault proxy per
/// (client, server) link, so that link faults can hit single clients.
/// <code>
///   c0 --[proxy c0-s0]--> s0      c0 --[proxy c0-s1]--> s1
///   c1 --[proxy c1-s0]--> s0      c1 --[proxy c1-s1]--> s1     (s0, s1 share the bus)
/// </code>
/// </summary>
internal sealed partial class TrialCluster : IAsyncDisposable
{
    private readonly Scenario _scenario;
    private readonly ITrialHost _host;
    private readonly long _trialSeed;
    private readonly IrcServerOptions _options;
    private readonly IClusterBus _bus;
    private readonly Dictionary<string, IrcServer?> _servers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EndPoint> _serverAddresses = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ServerState> _states = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Client, string Server), FaultProxy> _proxies = [];
    private readonly List<Task> _shutdowns = [];

    private TrialCluster(Scenario scenario, ITrialHost host, long trialSeed, TrialSeams seams)
    {
        _scenario = scenario;
        _host = host;
        _trialSeed = trialSeed;
        _options = ServerOptionsFor(scenario);
        IClusterBus bus = new InProcessClusterBus(_options, host.Time, host.EngineRandom(trialSeed, "cluster"));
        _bus = seams.ClusterBus is { } wrap ? wrap(bus) : bus;
    }

    public InjectionJournal Injections { get; } = new();

    public static async Task<TrialCluster> StartAsync(Scenario scenario, ITrialHost host, long trialSeed, TrialSeams seams, CancellationToken cancellationToken)
    {
        var cluster = new TrialCluster(scenario, host, trialSeed, seams);
        try
        {
            foreach (var server in scenario.ServerIds)
            {
                await cluster.StartServerAsync(server, host.AddressFor(server), cancellationToken);
            }

            var seed = TrialSeeds.StreamSeed(trialSeed, TrialStream.Network);
            foreach (var client in scenario.ClientIds)
            {
                foreach (var server in scenario.ServerIds)
                {
                    var proxy = await FaultProxy.StartAsync(
                        new FaultProxyOptions
                        {
                            Name = $"{client}-{server}",
                            Client = client,
                            Listen = host.AddressFor($"{client}-{server}"),
                            Upstream = cluster._serverAddresses[server],
                            Seed = seed,
                            Journal = cluster.Injections,
                        },
                        host.RelayListeners,
                        host.RelayConnector,
                        host.Time,
                        cancellationToken: cancellationToken);
                    cluster._proxies.Add((client, server), proxy);
                }
            }

            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Where client <paramref name="client"/> reaches server <paramref name="server"/>: its proxy.</summary>
    public EndPoint LinkAddress(string client, string server) => _proxies[(client, server)].Listen;

    /// <summary>Servers that are up (running, or hung: a hung server comes back by itself).</summary>
    public bool IsUp(string server) => _states[server] is ServerState.Running or ServerState.Hung;

    public ServerState StateOf(string server) => _states[server];

    /// <summary>Heals everything the timeline left: link faults removed, hung servers carry on.</summary>
    public void HealAll()
    {
        foreach (var proxy in _proxies.Values)
        {
            proxy.RemoveAllToxics();
        }

        foreach (var (id, server) in _servers)
        {
            if (_states[id] == ServerState.Hung)
            {
                server!.Unhang();
                _states[id] = ServerState.Running;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var proxy in _proxies.Values)
        {
            await proxy.DisposeAsync();
        }

        await Task.WhenAll(_shutdowns);
        foreach (var server in _servers.Values)
        {
            if (server is not null)
            {
                await server.CrashAsync(); // the trial is over: no need to say goodbye
                await server.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Cluster settings for a trial: the scenario's workload must never hit a limit meant for
    /// strangers (flood, send queue), and history and retention must outlast the trial.
    /// </summary>
    private static IrcServerOptions ServerOptionsFor(Scenario scenario)
    {
        var seconds = (scenario.DurationMs + scenario.QuiesceMs) / 1000.0;
        var messages = scenario.Workload.EffectiveSenders(scenario.Clients) * scenario.Workload.RatePerClient * seconds;
        var retention = TimeSpan.FromSeconds(Math.Max(120, seconds + 60));
        var defaults = IrcServerOptions.Default;
        return defaults with
        {
            Limits = defaults.Limits with
            {
                MaxConnections = Math.Max(defaults.Limits.MaxConnections, scenario.Clients * 4),
                FloodLinesPerSecond = 0,
                SendQueueBytes = 64 * 1024 * 1024,
                NickLength = 30,
            },
            History = defaults.History with { MaxMessagesPerTarget = (int)Math.Clamp(messages * 2 + 1000, 10_000, 5_000_000) },
            Ha = defaults.Ha with { ResumeRetention = retention, IdempotencyRetention = retention, ShutdownGrace = TimeSpan.FromSeconds(1) },
        };
    }

    private async Task StartServerAsync(string id, EndPoint address, CancellationToken cancellationToken)
    {
        var server = new IrcServer(_options with { ServerName = $"{id}.apartium" }, _bus, _host.Listeners, _host.Time);
        await server.StartAsync([new ServerEndpoint(address)], cancellationToken);
        _servers[id] = server;
        _serverAddresses[id] = server.EndPoints[0]; // the real port, rebound on restart
        _states[id] = ServerState.Running;
    }
}
