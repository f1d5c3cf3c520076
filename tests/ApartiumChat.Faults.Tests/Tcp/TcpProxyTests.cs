using System.Diagnostics;
using System.Net;
using ApartiumChat.Faults.Tests.Support;
using ApartiumChat.Faults.Toxics;
using ApartiumChat.Transport;
using ApartiumChat.Transport.Tcp;

namespace ApartiumChat.Faults.Tests.Tcp;

/// <summary>The same proxy over real loopback sockets, in real time: generous bounds, no tight timing.</summary>
[Category("Tcp")]
public sealed class TcpProxyTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly TcpTransport _transport = new();

    [Test]
    public async Task Echo_ThroughTheProxy_ReturnsEveryByteInOrder()
    {
        await using var echo = await TcpEcho.StartAsync(_transport);
        await using var proxy = await StartProxyAsync(echo.EndPoint);
        await using var client = await _transport.ConnectAsync(proxy.Listen);
        var payload = ConnectionExtensions.Pattern(2_000_000, seed: 9);

        var receiving = client.ReadToEndAsync();
        for (var offset = 0; offset < payload.Length; offset += 50_000)
        {
            await client.Transport.Output.WriteAsync(payload.AsMemory(offset, Math.Min(50_000, payload.Length - offset)));
        }

        await client.FinishAsync(); // half-close: the echo answers everything, then closes too

        Assert.That(await receiving.WaitAsync(Patience), Is.EqualTo(payload));
    }

    [Test]
    public async Task Latency_OverTcp_DelaysTheRoundTrip_AndRemovingItRestoresIt()
    {
        await using var echo = await TcpEcho.StartAsync(_transport);
        await using var proxy = await StartProxyAsync(echo.EndPoint);
        await using var client = await _transport.ConnectAsync(proxy.Listen);
        await PingAsync(client); // warm the path

        proxy.AddToxic(Toxic.Create(new LatencyToxic { LatencyMs = 200 }, name: "lag"));
        var slow = await PingAsync(client);
        proxy.RemoveToxic("lag");
        var fast = await PingAsync(client);

        Assert.That(slow, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(195)));
        Assert.That(fast, Is.LessThan(TimeSpan.FromMilliseconds(150)));
    }

    [Test]
    public async Task ResetByServer_OverTcp_ReachesTheClientAsAReset()
    {
        await using var listener = await _transport.BindAsync(new IPEndPoint(IPAddress.Loopback, 0));
        await using var proxy = await StartProxyAsync(listener.EndPoint);
        await using var client = await _transport.ConnectAsync(proxy.Listen);
        await using var server = (await listener.AcceptAsync().AsTask().WaitAsync(Patience))!;
        await server.SendAsync("hi");
        await client.ReceiveAsync(2).WaitAsync(Patience);

        server.Abort();

        Assert.That((await client.ReadUntilEndAsync().WaitAsync(Patience)).End, Is.EqualTo("reset"));
    }

    [Test]
    public async Task HalfClose_OverTcp_TheServerCanStillAnswer()
    {
        await using var listener = await _transport.BindAsync(new IPEndPoint(IPAddress.Loopback, 0));
        await using var proxy = await StartProxyAsync(listener.EndPoint);
        await using var client = await _transport.ConnectAsync(proxy.Listen);
        await using var server = (await listener.AcceptAsync().AsTask().WaitAsync(Patience))!;

        await client.SendAsync("question");
        await client.FinishAsync();
        Assert.That(await server.ReadToEndAsync().WaitAsync(Patience), Is.EqualTo("question"u8.ToArray()));
        await server.SendAsync("answer");
        await server.FinishAsync();

        Assert.That(await client.ReadUntilEndAsync().WaitAsync(Patience), Is.EqualTo(("fin", "answer"u8.ToArray())));
    }

    private Task<FaultProxy> StartProxyAsync(EndPoint upstream) => FaultProxy.StartAsync(
        new FaultProxyOptions { Name = "tcp", Upstream = upstream },
        _transport,
        _transport,
        TimeProvider.System);

    private static async Task<TimeSpan> PingAsync(IConnection client)
    {
        var started = Stopwatch.GetTimestamp();
        await client.SendAsync("ping");
        await client.ReceiveAsync(4).WaitAsync(Patience);
        return Stopwatch.GetElapsedTime(started);
    }
}
