using System.Net;
using ApartiumChat.Transport;
using ApartiumChat.Transport.Simulation;

namespace ApartiumChat.Faults.Tests.Support;

/// <summary>
/// A proxy between a client and a server on the in-memory network, all on one simulation
/// loop in virtual time:
/// <code>
///   client --&gt; proxy:7000 --[toxics]--&gt; server:6667
/// </code>
/// </summary>
internal sealed class SimulatedProxy
{
    public static readonly EndPoint ServerAddress = new DnsEndPoint("server", 6667);
    public static readonly EndPoint ProxyAddress = new DnsEndPoint("proxy", 7000);

    private SimulatedProxy(SimulationLoop loop, InMemoryNetwork network, FaultProxy proxy, IConnectionListener server)
    {
        Loop = loop;
        Network = network;
        Proxy = proxy;
        ServerListener = server;
    }

    public SimulationLoop Loop { get; }

    public InMemoryNetwork Network { get; }

    public FaultProxy Proxy { get; }

    public IConnectionListener ServerListener { get; }

    public TimeSpan Now => Loop.Time.Elapsed;

    /// <summary>Runs <paramref name="body"/> on a fresh loop with a proxy in front of a listening server.</summary>
    public static void Run(Func<SimulatedProxy, Task> body, FaultProxyOptions? options = null, TimeSpan? timeout = null)
    {
        var loop = new SimulationLoop();
        var network = new InMemoryNetwork();
        loop.Run(
            async () =>
            {
                await using var server = await network.BindAsync(ServerAddress);
                var settings = (options ?? FaultProxyOptions.Default) with { Listen = ProxyAddress, Upstream = ServerAddress };
                await using var proxy = await FaultProxy.StartAsync(settings, network, network, loop.Time);
                await body(new SimulatedProxy(loop, network, proxy, server));
            },
            timeout ?? TimeSpan.FromHours(2));
    }

    /// <summary>A client connected through the proxy, and the server's end of the forwarded connection.</summary>
    public async Task<(IConnection Client, IConnection Server)> ConnectAsync()
    {
        var client = await Network.ConnectAsync(Proxy.Listen);
        var server = await ServerListener.AcceptAsync();
        return (client, server!);
    }

    public Task DelayAsync(TimeSpan delay) => Task.Delay(delay, Loop.Time);

    public Task DelayAsync(double milliseconds) => DelayAsync(TimeSpan.FromMilliseconds(milliseconds));
}
