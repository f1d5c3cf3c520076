using System.Net;
using ApartiumChat.Cli.ClientConsole;
using ApartiumChat.Client;
using ApartiumChat.Server.Cluster;
using ApartiumChat.Server.Node;
using ApartiumChat.Server.Options;
using ApartiumChat.Testing;
using ApartiumChat.Transport;
using ApartiumChat.Transport.Tcp;

namespace ApartiumChat.Cli.Tests;

/// <summary>
/// <c>apartium client</c> as a user meets it: what it prints for piped input, a taken nick, an
/// overlong line, an unreachable list and bad arguments. Real loopback sockets, real time,
/// generous bounds.
/// </summary>
[Category("Tcp")]
public sealed class ClientConsoleTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Test]
    public async Task PipedInput_IsSentBeforeLeaving_AtEndOfInput()
    {
        await using var server = await StartServerAsync();
        await using var bob = await RawIrcClient.ConnectAsync(new TcpTransport(), server.EndPoints[0], TimeProvider.System);
        await bob.RegisterAsync("bob");
        await bob.JoinAsync("#lobby");

        var (code, output) = await RunAsync(server, "ann", new StringReader("hello from ann\nsecond line\n"));

        Assert.That(code, Is.Zero, output);
        Assert.That(output, Does.Contain("connected to s0").And.Contain("<ann> hello from ann").And.Contain("<ann> second line"));
        Assert.That(output, Does.Contain("leaving (end of input)"));
        Assert.That((await bob.ExpectAsync(m => m.Command == "PRIVMSG", Bound)).Param(1), Is.EqualTo("hello from ann"));
        Assert.That((await bob.ExpectAsync(m => m.Command == "PRIVMSG" && m.Param(1) == "second line", Bound)).Param(0), Is.EqualTo("#lobby"));
    }

    [Test]
    public async Task TakenNick_StopsWithAClearReason_AndExitCode1()
    {
        await using var server = await StartServerAsync();
        await using var holder = await RawIrcClient.ConnectAsync(new TcpTransport(), server.EndPoints[0], TimeProvider.System);
        await holder.RegisterAsync("ann");

        var (code, output) = await RunAsync(server, "ann", new BlockingReader());

        Assert.That(code, Is.EqualTo(1), output);
        Assert.That(output, Does.Contain("stopped: cannot register").And.Contain("ann"));
        Assert.That(output, Does.Not.Contain("   at "));
    }

    [Test]
    public async Task OverlongLine_IsRefusedWithItsReason_AndTheSessionCarriesOn()
    {
        await using var server = await StartServerAsync();

        var (code, output) = await RunAsync(server, "ann", new StringReader(new string('x', 2000) + "\nstill here\n"));

        Assert.That(code, Is.Zero, output);
        Assert.That(output, Does.Contain("! not sent to #lobby"));
        Assert.That(output, Does.Contain("<ann> still here"));
    }

    [Test]
    public async Task UnreachableList_SaysSo_AndKeepsTrying_UntilStopped()
    {
        var closed = ClosedPort();
        var options = Options("ann", closed, closed) with { ReconnectBase = TimeSpan.FromMilliseconds(50), ReconnectCap = TimeSpan.FromMilliseconds(200) };
        var screen = new Screen();
        using var stop = new CancellationTokenSource();
        var session = new ChatSession(options, new BlockingReader(), screen.Writer);

        var running = session.RunAsync(stop.Token);
        var deadline = DateTime.UtcNow + Bound;
        while (!screen.Text.Contains("still trying", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        await stop.CancelAsync();
        var code = await running.WaitAsync(Bound);
        Assert.That(screen.Text, Does.Contain("cannot reach any server").And.Contain("still trying"));
        Assert.That(screen.Text, Does.Contain("leaving (interrupted)"));
        Assert.That(code, Is.Zero);
    }

    [TestCase(new[] { "client", "--nick", "ann" }, "Required argument missing")]
    [TestCase(new[] { "client", "nowhere:abc", "--nick", "ann" }, "nowhere:abc")]
    [TestCase(new[] { "client", "127.0.0.1", "--nick", "ann", "--heartbeat", "soon" }, "soon")]
    public void BadArguments_ExitWith2_AndAClearMessage(string[] args, string named)
    {
        var (code, output, error) = Apartium.Run(TimeSpan.FromMinutes(1), args);

        Assert.That(code, Is.EqualTo(2), output + error);
        Assert.That(output + error, Does.Contain(named));
        Assert.That(output + error, Does.Not.Contain("   at "));
    }

    private static async Task<IrcServer> StartServerAsync()
    {
        var options = IrcServerOptions.Default;
        var server = new IrcServer(options with { ServerName = "s0.test" }, new InProcessClusterBus(options, TimeProvider.System, new SecureRandom()), new TcpTransport(), TimeProvider.System);
        await server.StartAsync([new ServerEndpoint(new IPEndPoint(IPAddress.Loopback, 0))]);
        return server;
    }

    private static async Task<(int Code, string Output)> RunAsync(IrcServer server, string nick, TextReader input)
    {
        var screen = new Screen();
        var session = new ChatSession(Options(nick, (IPEndPoint)server.EndPoints[0]), input, screen.Writer);
        var code = await session.RunAsync(CancellationToken.None).WaitAsync(Bound);
        return (code, screen.Text);
    }

    private static HaClientOptions Options(string nick, params IPEndPoint[] servers) =>
        HaClientOptions.Default with
        {
            Servers = servers.Select((s, i) => new ServerEntry($"s{i}", s)).ToList(),
            Nick = nick,
            Channels = ["#lobby"],
        };

    private static IPEndPoint ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var endPoint = (IPEndPoint)listener.LocalEndpoint;
        listener.Stop();
        return endPoint;
    }

    /// <summary>What the user sees: written from the client's threads, read by the test.</summary>
    private sealed class Screen
    {
        private readonly StringWriter _text = new();

        public Screen() => Writer = TextWriter.Synchronized(_text);

        public TextWriter Writer { get; }

        public string Text
        {
            get
            {
                lock (Writer) // the synchronized writer locks itself around every write
                {
                    return _text.ToString();
                }
            }
        }
    }

    /// <summary>A user who types nothing: reads wait until cancelled.</summary>
    private sealed class BlockingReader : TextReader
    {
        public override async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return null;
        }
    }
}
