using System.Net.Sockets;
using ApartiumChat.Faults.Tests.Support;
using ApartiumChat.Transport;

namespace ApartiumChat.Faults.Tests.Proxy;

/// <summary>Without toxics the proxy is a faithful relay: every byte, in order, and FIN and RST as sent.</summary>
public sealed class ForwardingTests
{
    [Test]
    public void Bytes_ArriveCompleteAndInOrder_BothWays()
    {
        SimulatedProxy.Run(async sim =>
        {
            var (client, server) = await sim.ConnectAsync();
            var up = ConnectionExtensions.Pattern(300_000, seed: 1);
            var down = ConnectionExtensions.Pattern(200_000, seed: 2);

            var sending = Task.WhenAll(SendInPiecesAsync(client, up), SendInPiecesAsync(server, down));
            var atServer = server.ReadToEndAsync();
            var atClient = client.ReadToEndAsync();
            await sending;

            Assert.That(await atServer, Is.EqualTo(up));
            Assert.That(await atClient, Is.EqualTo(down));
        });
    }

    [Test]
    public void HalfClose_FromClient_ReachesServer_WhichCanStillAnswer()
    {
        SimulatedProxy.Run(async sim =>
        {
            var (client, server) = await sim.ConnectAsync();

            await client.SendAsync("question");
            await client.FinishAsync();
            Assert.That(await server.ReadToEndAsync(), Is.EqualTo("question"u8.ToArray()));

            await server.SendAsync("answer");
            await server.FinishAsync();
            Assert.That(await client.ReadUntilEndAsync(), Is.EqualTo(("fin", "answer"u8.ToArray())));
        });
    }

    [Test]
    public void HalfClose_FromServer_ReachesClient_WhichCanStillSend()
    {
        SimulatedProxy.Run(async sim =>
        {
            var (client, server) = await sim.ConnectAsync();

            await server.SendAsync("bye");
            await server.FinishAsync();
            Assert.That(await client.ReadUntilEndAsync(), Is.EqualTo(("fin", "bye"u8.ToArray())));

            await client.SendAsync("late words");
            Assert.That(await server.ReceiveTextAsync(10), Is.EqualTo("late words"));
        });
    }

    [Test]
    public void Reset_ByClient_IsSeenAsAResetByServer()
    {
        SimulatedProxy.Run(async sim =>
        {
            var (client, server) = await sim.ConnectAsync();
            await client.SendAsync("hello");
            Assert.That(await server.ReceiveTextAsync(5), Is.EqualTo("hello"));

            client.Abort();

            Assert.That((await server.ReadUntilEndAsync()).End, Is.EqualTo("reset"));
        });
    }

    [Test]
    public void Reset_ByServer_IsSeenAsAResetByClient()
    {
        SimulatedProxy.Run(async sim =>
        {
            var (client, server) = await sim.ConnectAsync();
            await server.SendAsync("hi");
            Assert.That(await client.ReceiveTextAsync(2), Is.EqualTo("hi"));

            server.Abort();

            Assert.That((await client.ReadUntilEndAsync()).End, Is.EqualTo("reset"));
        });
    }

    [Test]
    public void Upstream_NotListening_ClientIsReset()
    {
        SimulatedProxy.Run(async sim =>
        {
            await sim.ServerListener.UnbindAsync();

            var client = await sim.Network.ConnectAsync(sim.Proxy.Listen);

            Assert.That((await client.ReadUntilEndAsync()).End, Is.EqualTo("reset"));
        });
    }

    [Test]
    public void Connections_ListsOpenLinks_AndForgetsClosedOnes()
    {
        SimulatedProxy.Run(async sim =>
        {
            var (client, server) = await sim.ConnectAsync();
            await client.SendAsync("12345");
            await server.ReceiveAsync(5);

            var open = sim.Proxy.Connections;
            Assert.That(open, Has.Count.EqualTo(1));
            Assert.That(open[0].Number, Is.EqualTo(1));
            Assert.That(open[0].BytesUp, Is.EqualTo(5));

            await client.FinishAsync();
            await server.FinishAsync();
            await client.ReadToEndAsync();
            await server.ReadToEndAsync();
            await sim.DelayAsync(1);

            Assert.That(sim.Proxy.Connections, Is.Empty);
        });
    }

    [Test]
    public void Disable_ClosesConnections_AndRefusesNewOnes_EnableRestoresService()
    {
        SimulatedProxy.Run(async sim =>
        {
            var (client, _) = await sim.ConnectAsync();

            await sim.Proxy.DisableAsync();

            Assert.That((await client.ReadUntilEndAsync()).End, Is.EqualTo("fin"));
            var refused = Assert.CatchAsync<SocketException>(async () => await sim.Network.ConnectAsync(SimulatedProxy.ProxyAddress));
            Assert.That(refused!.SocketErrorCode, Is.EqualTo(SocketError.ConnectionRefused));
            Assert.That(sim.Proxy.Enabled, Is.False);

            await sim.Proxy.EnableAsync();
            var (again, server) = await sim.ConnectAsync();
            await again.SendAsync("back");
            Assert.That(await server.ReceiveTextAsync(4), Is.EqualTo("back"));
        });
    }

    [Test]
    public void ResetConnections_ResetsOpenOnes_ButNotLaterOnes()
    {
        SimulatedProxy.Run(async sim =>
        {
            var (first, firstServer) = await sim.ConnectAsync();
            var (second, _) = await sim.ConnectAsync();

            var reset = sim.Proxy.ResetConnections("cut");

            Assert.That(reset, Is.EqualTo(2));
            Assert.That((await first.ReadUntilEndAsync()).End, Is.EqualTo("reset"));
            Assert.That((await second.ReadUntilEndAsync()).End, Is.EqualTo("reset"));
            Assert.That((await firstServer.ReadUntilEndAsync()).End, Is.EqualTo("reset"));

            var (later, laterServer) = await sim.ConnectAsync();
            await later.SendAsync("fine");
            Assert.That(await laterServer.ReceiveTextAsync(4), Is.EqualTo("fine"));
            Assert.That(sim.Proxy.Journal.Snapshot().Count(r => r.Kind == Journal.InjectionKind.Reset), Is.EqualTo(2));
        });
    }

    private static async Task SendInPiecesAsync(IConnection connection, byte[] payload)
    {
        for (var offset = 0; offset < payload.Length; offset += 7001)
        {
            await connection.Transport.Output.WriteAsync(payload.AsMemory(offset, Math.Min(7001, payload.Length - offset)));
        }

        await connection.FinishAsync();
    }
}
