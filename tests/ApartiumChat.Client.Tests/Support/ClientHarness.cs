using ApartiumChat.Client.Events;
using ApartiumChat.Server.Options;
using ApartiumChat.Testing;

namespace ApartiumChat.Client.Tests.Support;

/// <summary>
/// A simulated cluster (servers s0..s{n-1} on the in-memory network, virtual time, one loop),
/// controllable links between clients and servers, and HA clients with fast timing.
/// </summary>
public sealed class ClientHarness
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);
    public static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(300);

    private readonly List<HaClient> _clients = [];
    private int _seed;

    public ClientHarness(int servers, Func<IrcServerOptions, IrcServerOptions>? configure = null, int seed = 1)
    {
        _seed = seed * 1000;
        // Flood throttling off: with it on, the server can spin forever (ServerIssueTests).
        // The tests send bursts well above the default 20 lines/s, and measure failover, not flood control.
        Cluster = new SimulatedCluster(servers, o => (configure ?? (x => x))(o with { Limits = o.Limits with { FloodLinesPerSecond = 0 } }), seed);
        Links = new FaultyLinks(Cluster.Network, Cluster.Time, new Random(seed));
    }

    public SimulatedCluster Cluster { get; }

    public FaultyLinks Links { get; }

    public TimeProvider Time => Cluster.Time;

    public int ServerCount => Cluster.Servers.Count;

    /// <summary>Options for a client of this cluster: every server in order s0.., fast heartbeats, #lobby.</summary>
    public HaClientOptions Options(string nick, params int[] order)
    {
        var servers = (order.Length == 0 ? Enumerable.Range(0, ServerCount) : order)
            .Select(i => new ServerEntry($"s{i}", SimulatedCluster.Address(i)))
            .ToList();
        return HaClientOptions.Default with
        {
            Servers = servers,
            Nick = nick,
            Channels = ["#lobby"],
            HeartbeatInterval = Interval,
            HeartbeatTimeout = Timeout,
            ConnectTimeout = TimeSpan.FromMilliseconds(500),
            ReconnectBase = TimeSpan.FromMilliseconds(50),
            ReconnectCap = TimeSpan.FromSeconds(1),
            FailbackHoldDown = TimeSpan.FromSeconds(1),
            SendTimeout = TimeSpan.FromSeconds(30),
        };
    }

    public (HaClient Client, EventLog Log) NewClient(HaClientOptions options)
    {
        var client = new HaClient(options, Links, Time, new Random(++_seed));
        _clients.Add(client);
        return (client, new EventLog(client, Time));
    }

    /// <summary>Starts a client and waits until it is connected.</summary>
    public async Task<(HaClient Client, EventLog Log)> ConnectAsync(HaClientOptions options)
    {
        var (client, log) = NewClient(options);
        await client.StartAsync();
        await client.WhenConnectedAsync();
        return (client, log);
    }

    public Task<(HaClient Client, EventLog Log)> ConnectAsync(string nick, params int[] order) => ConnectAsync(Options(nick, order));

    /// <summary>Runs a test body on the loop, then stops every client.</summary>
    public void Run(Func<Task> body) => Cluster.Run(async () =>
    {
        await Cluster.StartAllAsync();
        await body();
        foreach (var client in _clients)
        {
            await client.StopAsync();
        }
    });

    public Task SettleAsync(TimeSpan? duration = null) => Cluster.SettleAsync(duration);

    /// <summary>The virtual time now, as the clients stamp their events.</summary>
    public DateTimeOffset Now => Time.GetUtcNow();

    /// <summary>Sends <paramref name="count"/> messages "prefix-1".."prefix-n" to #lobby, one per <paramref name="every"/>.</summary>
    public async Task ChatAsync(HaClient client, string prefix, int count, TimeSpan every)
    {
        for (var i = 1; i <= count; i++)
        {
            client.Post("#lobby", $"{prefix}-{i}");
            await Task.Delay(every, Time);
        }
    }

    /// <summary>Waits until the client's outbox is empty (everything acknowledged).</summary>
    public async Task DrainedAsync(HaClient client, TimeSpan? timeout = null)
    {
        var deadline = Time.GetTimestamp();
        while (client.OutboxCount > 0)
        {
            if (Time.GetElapsedTime(deadline) > (timeout ?? TimeSpan.FromSeconds(30)))
            {
                throw new TimeoutException($"{client.Id} still holds {client.OutboxCount} unacknowledged messages");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(10), Time);
        }
    }

    public static void AssertExactlyOnceInOrder(EventLog receiver, string prefix, int count, string channel = "#lobby")
    {
        var got = receiver.Texts(channel).Where(t => t.StartsWith(prefix + "-", StringComparison.Ordinal)).ToList();
        Assert.That(got, Is.EqualTo(Enumerable.Range(1, count).Select(i => $"{prefix}-{i}")), "every message once, in order");
        var ids = receiver.Of<MessageReceived>().Where(m => m.MsgId is not null).Select(m => m.MsgId).ToList();
        Assert.That(ids, Is.Unique);
    }
}
