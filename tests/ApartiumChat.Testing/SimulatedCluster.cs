using System.Net;
using ApartiumChat.Server.Cluster;
using ApartiumChat.Server.Node;
using ApartiumChat.Server.Options;
using ApartiumChat.Transport.Simulation;

namespace ApartiumChat.Testing;

/// <summary>
/// Server nodes of one cluster on the in-memory network, in virtual time, on one
/// deterministic loop: the fast way to test server behaviour. Node i listens on <c>s{i}:6667</c>.
/// </summary>
public sealed class SimulatedCluster
{
    private readonly Func<int, IrcServerOptions> _options;

    public SimulatedCluster(int servers, Func<IrcServerOptions, IrcServerOptions>? configure = null, int seed = 1)
    {
        Loop = new SimulationLoop();
        Network = new InMemoryNetwork();
        _options = i => (configure ?? (o => o))(IrcServerOptions.Default with { ServerName = $"s{i}.apartium" });
        Bus = new InProcessClusterBus(_options(0), Loop.Time, new Random(seed));
        Servers = [.. Enumerable.Range(0, servers).Select(_ => (IrcServer?)null)];
    }

    public SimulationLoop Loop { get; }

    public InMemoryNetwork Network { get; }

    public InProcessClusterBus Bus { get; }

    /// <summary>The nodes; a slot is replaced when a node restarts.</summary>
    public List<IrcServer?> Servers { get; }

    public VirtualTimeProvider Time => Loop.Time;

    public static EndPoint Address(int server) => new DnsEndPoint($"s{server}", 6667);

    public IrcServer Server(int index) => Servers[index] ?? throw new InvalidOperationException($"s{index} is not running");

    /// <summary>Starts (or restarts) node <paramref name="index"/> on its address.</summary>
    public async Task StartAsync(int index)
    {
        var server = new IrcServer(_options(index), Bus, Network, Time);
        await server.StartAsync([new ServerEndpoint(Address(index))]);
        Servers[index] = server;
    }

    public async Task StartAllAsync()
    {
        for (var i = 0; i < Servers.Count; i++)
        {
            await StartAsync(i);
        }
    }

    public Task<RawIrcClient> ConnectAsync(int server) => RawIrcClient.ConnectAsync(Network, Address(server), Time);

    public async Task<RawIrcClient> RegisterAsync(int server, string nick, params string[] capabilities)
    {
        var client = await ConnectAsync(server);
        await client.RegisterAsync(nick, capabilities);
        return client;
    }

    /// <summary>Runs a test body on the loop, with a generous virtual deadline.</summary>
    public void Run(Func<Task> body) => Loop.Run(body, TimeSpan.FromHours(1));

    /// <summary>Lets queued work run and virtual time pass.</summary>
    public Task SettleAsync(TimeSpan? duration = null) => Task.Delay(duration ?? TimeSpan.FromMilliseconds(50), Time);
}
