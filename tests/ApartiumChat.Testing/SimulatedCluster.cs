using NUnit.Framework;
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

    /// <summary>
    /// Runs a test body on the loop on a background thread, failing if it has not finished
    /// within <paramref name="realBound"/> of real time: for regressions where a bug would spin
    /// one callback forever (virtual time cannot move, so only real time can end the test).
    /// </summary>
    public void RunOrFail(Func<Task> body, TimeSpan realBound)
    {
        Exception? failure = null;
        var finished = false;
        var thread = new Thread(() =>
        {
            try
            {
                Run(body);
                finished = true;
            }
            catch (Exception e)
            {
                failure = e;
            }
        })
        {
            IsBackground = true, // a spinning loop must not keep the test run alive
        };
        thread.Start();
        if (!thread.Join(realBound))
        {
            Assert.Fail($"The simulation did not finish within {realBound} of real time (stuck at virtual time {Time.Elapsed}).");
        }

        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }

        Assert.That(finished, Is.True);
    }

    /// <summary>Lets queued work run and virtual time pass.</summary>
    public Task SettleAsync(TimeSpan? duration = null) => Task.Delay(duration ?? TimeSpan.FromMilliseconds(50), Time);
}
