using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using ApartiumChat.Server.Cluster;
using ApartiumChat.Server.Node;
using ApartiumChat.Server.Options;
using ApartiumChat.Testing;
using ApartiumChat.Transport;
using ApartiumChat.Transport.Tcp;
using ApartiumChat.Transport.Tls;

namespace ApartiumChat.Server.Tests.Tcp;

/// <summary>The same server over real loopback sockets and TLS. Generous bounds: real time.</summary>
[Category("Tcp")]
public sealed class LoopbackTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    [Test]
    public async Task TwoClients_OnTwoNodesOfOneCluster_ChatOverRealSockets()
    {
        var transport = new TcpTransport();
        var options = IrcServerOptions.Default;
        var bus = new InProcessClusterBus(options, TimeProvider.System, new SecureRandom());
        await using var s0 = new IrcServer(options with { ServerName = "s0.test" }, bus, transport, TimeProvider.System);
        await using var s1 = new IrcServer(options with { ServerName = "s1.test" }, bus, transport, TimeProvider.System);
        await s0.StartAsync([new ServerEndpoint(new IPEndPoint(IPAddress.Loopback, 0))]);
        await s1.StartAsync([new ServerEndpoint(new IPEndPoint(IPAddress.Loopback, 0))]);

        await using var ann = await RawIrcClient.ConnectAsync(transport, s0.EndPoints[0], TimeProvider.System);
        await using var bob = await RawIrcClient.ConnectAsync(transport, s1.EndPoints[0], TimeProvider.System);
        await ann.RegisterAsync("ann", "message-tags", "echo-message");
        await bob.RegisterAsync("bob", "message-tags");
        foreach (var client in new[] { ann, bob })
        {
            await client.SendAsync("JOIN #tcp");
            await client.ExpectAsync(m => m.Command == "366", Bound);
        }

        await ann.SendAsync("PRIVMSG #tcp :over real sockets");

        var received = await bob.ExpectAsync(m => m.Command == "PRIVMSG", Bound);
        var echo = await ann.ExpectAsync(m => m.Command == "PRIVMSG", Bound);
        Assert.That(received.Param(1), Is.EqualTo("over real sockets"));
        Assert.That(received.GetTag("msgid"), Is.EqualTo(echo.GetTag("msgid")));
    }

    [Test]
    public async Task FloodingClient_OverRealSockets_IsThrottled_ThenDisconnected_OthersUnaffected()
    {
        // The TCP reader takes bytes off the socket only when the server reads: while a client is
        // throttled its pending read must still grow the unread queue, or a flooder is never dropped.
        var transport = new TcpTransport();
        var options = IrcServerOptions.Default with
        {
            Limits = IrcServerOptions.Default.Limits with { FloodBurstLines = 5, FloodLinesPerSecond = 2, FloodMaxQueuedBytes = 9000 },
        };
        var bus = new InProcessClusterBus(options, TimeProvider.System, new SecureRandom());
        await using var server = new IrcServer(options, bus, transport, TimeProvider.System);
        await server.StartAsync([new ServerEndpoint(new IPEndPoint(IPAddress.Loopback, 0))]);
        await using var flooder = await RawIrcClient.ConnectAsync(transport, server.EndPoints[0], TimeProvider.System);
        await using var bob = await RawIrcClient.ConnectAsync(transport, server.EndPoints[0], TimeProvider.System);
        await flooder.RegisterAsync("flooder");
        await bob.RegisterAsync("bob");

        // Each chunk is 4,200 bytes, two are under the 9,000-byte bound, and the first one throttles
        // the client; only the third, sent while it is throttled, takes the unread queue past the bound.
        byte[] Chunk(int from) => Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(from, 100).Select(i => $"PING :flood flood flood flood flood {i:D4}\r\n")));
        Assert.That(Chunk(0), Has.Length.EqualTo(4200));
        await flooder.SendBytesAsync(Chunk(0));
        await flooder.ExpectAsync(m => m.Command == "PONG" && m.Param(1) == "flood flood flood flood flood 0000", Bound);
        await flooder.SendBytesAsync(Chunk(100));
        await flooder.SendBytesAsync(Chunk(200));
        await flooder.ExpectClosedAsync(Bound);
        Assert.That(flooder.Received.Count(m => m.Command == "PONG"), Is.LessThan(100), "dropped while throttled, not after working through the lines");
        Assert.That(flooder.Received[^1].Command, Is.EqualTo("ERROR"));
        Assert.That(flooder.Received[^1].Param(0), Does.Contain("Excess flood"));

        await bob.SendAsync("PING :still-fine");
        Assert.That((await bob.ExpectAsync(m => m.Command == "PONG", Bound)).Param(1), Is.EqualTo("still-fine"));
    }

    [Test]
    public Task ClientThatStopsReading_IsDropped_MidFanOut_AndTheChannelCarriesOn() =>
        // On the thread pool, as `apartium server` runs: with no synchronization context the
        // server's continuations run where they are woken, which is what this test is about.
        Task.Run(ClientThatStopsReadingAsync);

    private static async Task ClientThatStopsReadingAsync()
    {
        // Dropping the slow client happens inside the fan-out to the channel (its send queue
        // overflows); its connection must close on its own thread, not re-enter the fan-out.
        var transport = new TcpTransport();
        var options = IrcServerOptions.Default with
        {
            Limits = IrcServerOptions.Default.Limits with { FloodLinesPerSecond = 0, SendQueueBytes = 64 * 1024 },
        };
        var bus = new InProcessClusterBus(options, TimeProvider.System, new SecureRandom());
        await using var server = new IrcServer(options, bus, transport, TimeProvider.System);
        await server.StartAsync([new ServerEndpoint(new IPEndPoint(IPAddress.Loopback, 0))]);

        using var slow = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { ReceiveBufferSize = 4096 };
        await slow.ConnectAsync(server.EndPoints[0]);
        await slow.SendAsync(Encoding.ASCII.GetBytes("NICK slow\r\nUSER s 0 * :s\r\nJOIN #busy\r\n"));
        await using var spam = await RawIrcClient.ConnectAsync(transport, server.EndPoints[0], TimeProvider.System);
        await spam.RegisterAsync("spam");
        await spam.SendAsync("JOIN #busy");
        await spam.ExpectAsync(m => m.Command == "366", Bound);

        // About 8 MB to a member that never reads: more than the kernel's buffers and the send
        // queue hold, so it overflows while the server is delivering to the channel.
        var text = new string('x', 380);
        var lines = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(0, 20_000).Select(i => $"PRIVMSG #busy :{i} {text}\r\n")));
        await spam.SendBytesAsync(lines);

        var quit = await spam.ExpectAsync(m => m.Command == "QUIT" && m.Source?.StartsWith("slow!", StringComparison.Ordinal) == true, TimeSpan.FromSeconds(60));
        Assert.That(quit.Param(0), Does.Contain("send queue full"));
        await spam.SendAsync("PING :after");
        await spam.ExpectAsync(m => m.Command == "PONG" && m.Param(1) == "after", Bound);
        Assert.That(spam.Received.Where(m => m.Command == "FAIL").Select(m => m.ToString()), Is.Empty, "no command failed in the server");
    }

    [Test]
    public async Task Tls_Listener_ServesIrc()
    {
        using var certificate = SelfSigned("localhost");
        var transport = new TcpTransport();
        var bus = new InProcessClusterBus(IrcServerOptions.Default, TimeProvider.System, new SecureRandom());
        await using var server = new IrcServer(IrcServerOptions.Default, bus, transport, TimeProvider.System);
        await server.StartAsync([new ServerEndpoint(new IPEndPoint(IPAddress.Loopback, 0), certificate)]);

        await using var raw = await transport.ConnectAsync(server.EndPoints[0]);
        using var timeout = new CancellationTokenSource(Bound);
        await using var tls = await TlsConnection.AuthenticateAsClientAsync(raw, "localhost", (_, _, _, _) => true, timeout.Token);
        await tls.Transport.Output.WriteAsync(Encoding.ASCII.GetBytes("PING :secure\r\n"), timeout.Token);

        var reply = await ReadLineAsync(tls, timeout.Token);
        Assert.That(reply, Is.EqualTo(":apartium.local PONG apartium.local secure"));
        Assert.That(tls.Protocol, Is.Not.EqualTo(System.Security.Authentication.SslProtocols.None));
    }

    [Test]
    public async Task Restart_BindsItsOldPortAtOnce_AfterServingConnections()
    {
        var transport = new TcpTransport();
        var bus = new InProcessClusterBus(IrcServerOptions.Default, TimeProvider.System, new SecureRandom());
        var first = new IrcServer(IrcServerOptions.Default, bus, transport, TimeProvider.System);
        await first.StartAsync([new ServerEndpoint(new IPEndPoint(IPAddress.Loopback, 0))]);
        var address = first.EndPoints[0];
        await using (var client = await RawIrcClient.ConnectAsync(transport, address, TimeProvider.System))
        {
            await client.RegisterAsync("ann");
        }

        await first.CrashAsync();
        await using var second = new IrcServer(IrcServerOptions.Default, bus, transport, TimeProvider.System);

        Assert.That(async () => await second.StartAsync([new ServerEndpoint(address)]), Throws.Nothing);
        await using var again = await RawIrcClient.ConnectAsync(transport, address, TimeProvider.System);
        await again.RegisterAsync("ann");
    }

    private static X509Certificate2 SelfSigned(string name)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }

    private static async Task<string> ReadLineAsync(IConnection connection, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        while (true)
        {
            var result = await connection.Transport.Input.ReadAsync(cancellationToken);
            foreach (var segment in result.Buffer)
            {
                text.Append(Encoding.UTF8.GetString(segment.Span));
            }

            connection.Transport.Input.AdvanceTo(result.Buffer.End);
            var all = text.ToString();
            var end = all.IndexOf("\r\n", StringComparison.Ordinal);
            if (end >= 0)
            {
                return all[..end];
            }
        }
    }
}
