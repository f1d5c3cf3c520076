using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using ApartiumChat.Faults;
using ApartiumChat.Transport.Tcp;

namespace ApartiumChat.Cli.Proxy;

/// <summary>
/// <c>apartium proxy bench</c>: what the proxy costs with no toxic, side by side with a direct
/// connection and with socat, all to one echo server, in one run.
/// <code>
///   client --------------------------------&gt; echo     direct
///   client --&gt; apartium proxy (in-process) --&gt; echo
///   client --&gt; socat (child process) -------&gt; echo
/// </code>
/// The client is a blocking socket on its own thread; round trips are timed with Stopwatch.
/// Targets take turns within each round, so drift in the machine's load hits them alike.
/// </summary>
internal static class ProxyBenchmark
{
    private const int Warmup = 2_000;
    private const int Block = 250;

    public static async Task<int> RunAsync(Settings settings, Func<IEnumerable<string>, int> fail, CancellationToken cancellationToken)
    {
        var problems = settings.Validate();
        if (problems.Count > 0)
        {
            return fail(problems);
        }

        using var echo = new EchoServer();
        var transport = new TcpTransport();
        await using var proxy = await FaultProxy.StartAsync(
            new FaultProxyOptions { Name = "bench", Upstream = echo.EndPoint },
            transport,
            transport,
            TimeProvider.System,
            cancellationToken: cancellationToken);
        using var socat = SocatRelay.Start(settings.Socat, echo.EndPoint, out var socatProblem);

        var targets = new List<Target>
        {
            new("direct", echo.EndPoint),
            new("apartium proxy", (IPEndPoint)proxy.Listen),
        };
        if (socat is not null)
        {
            targets.Add(new Target("socat", socat.EndPoint));
        }

        PrintHeader(settings, socat, socatProblem);

        // Round trips: one connection per target, and the targets take turns every few hundred
        // pings, so a burst of load on the machine lands on all of them alike.
        var connections = targets.Select(t => Connect(t.EndPoint)).ToList();
        try
        {
            var ping = new byte[settings.Payload];
            var pong = new byte[settings.Payload];
            foreach (var connection in connections)
            {
                Repeat(connection, ping, pong, Warmup, samples: null);
            }

            for (var done = 0; done < settings.Pings && !cancellationToken.IsCancellationRequested; done += Block)
            {
                for (var i = 0; i < targets.Count; i++)
                {
                    Repeat(connections[i], ping, pong, Math.Min(Block, settings.Pings - done), targets[i].Rtt);
                }
            }
        }
        finally
        {
            foreach (var connection in connections)
            {
                connection.Dispose();
            }
        }

        for (var round = 1; round <= settings.Rounds && !cancellationToken.IsCancellationRequested; round++)
        {
            foreach (var target in targets)
            {
                target.Throughput.Add(MeasureThroughput(target.EndPoint, settings.Megabytes * 1_000_000L));
                await Console.Error.WriteAsync('.');
            }
        }

        await Console.Error.WriteLineAsync();
        PrintTable(targets);
        PrintVerdict(targets);
        return 0;
    }

    /// <summary>Ping-pongs, one at a time; each round trip in microseconds into <paramref name="samples"/>.</summary>
    private static void Repeat(Socket socket, byte[] ping, byte[] pong, int count, List<double>? samples)
    {
        for (var i = 0; i < count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            PingPong(socket, ping, pong);
            samples?.Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds);
        }
    }

    /// <summary>Streams <paramref name="bytes"/> through the target and back; MB/s (10^6 bytes) of payload.</summary>
    private static double MeasureThroughput(IPEndPoint target, long bytes)
    {
        using var socket = Connect(target);
        var writer = new Thread(() =>
        {
            var block = new byte[64 * 1024];
            for (long sent = 0; sent < bytes;)
            {
                var length = (int)Math.Min(block.Length, bytes - sent);
                sent += socket.Send(block, 0, length, SocketFlags.None);
            }

            socket.Shutdown(SocketShutdown.Send);
        })
        { IsBackground = true, Name = "bench-writer" };

        var buffer = new byte[256 * 1024];
        var started = Stopwatch.GetTimestamp();
        writer.Start();
        long received = 0;
        while (received < bytes)
        {
            var read = socket.Receive(buffer);
            if (read == 0)
            {
                break;
            }

            received += read;
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        writer.Join();
        return received / 1e6 / elapsed.TotalSeconds;
    }

    private static Socket Connect(IPEndPoint target)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        socket.Connect(target);
        return socket;
    }

    private static void PingPong(Socket socket, byte[] ping, byte[] pong)
    {
        socket.Send(ping);
        var received = 0;
        while (received < pong.Length)
        {
            var read = socket.Receive(pong, received, pong.Length - received, SocketFlags.None);
            if (read == 0)
            {
                throw new IOException("the connection closed during a ping");
            }

            received += read;
        }
    }

    private static double Percentile(List<double> samples, double percentile)
    {
        var sorted = samples.Order().ToList();
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Count); // nearest rank
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    private static void PrintHeader(Settings settings, SocatRelay? socat, string? socatProblem)
    {
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"apartium proxy bench: per target {settings.Pings} ping-pongs of {settings.Payload} B (after {Warmup} warm-up; targets take turns every {Block}), then {settings.Rounds} x {settings.Megabytes} MB streamed and echoed"));
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, load average {LoadAverage()}");
#if DEBUG
        Console.WriteLine("warning: a Debug build; run with -c Release for figures worth quoting");
#endif
        Console.WriteLine(socat is not null ? $"socat: {socat.CommandLine}" : $"socat: skipped: {socatProblem}");
    }

    private static void PrintTable(List<Target> targets)
    {
        var direct = targets[0];
        var directMedian = Percentile(direct.Rtt, 50);
        var directP99 = Percentile(direct.Rtt, 99);
        Console.WriteLine();
        Console.WriteLine("| target         | RTT median (us) | RTT p99 (us) | added median (us) | added p99 (us) | throughput (MB/s) |");
        Console.WriteLine("|----------------|----------------:|-------------:|------------------:|---------------:|------------------:|");
        foreach (var target in targets)
        {
            var median = Percentile(target.Rtt, 50);
            var p99 = Percentile(target.Rtt, 99);
            var added = target == direct ? "-" : Format(median - directMedian);
            var addedP99 = target == direct ? "-" : Format(p99 - directP99);
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {target.Name,-14} | {Format(median),15} | {Format(p99),12} | {added,17} | {addedP99,14} | {Format(Median(target.Throughput)),17} |"));
        }
    }

    private static void PrintVerdict(List<Target> targets)
    {
        var apartium = targets.Single(t => t.Name == "apartium proxy");
        var socat = targets.SingleOrDefault(t => t.Name == "socat");
        if (socat is null)
        {
            Console.WriteLine("\nNo socat figures: the goals cannot be checked.");
            return;
        }

        var direct = Percentile(targets[0].Rtt, 50);
        var ours = Percentile(apartium.Rtt, 50) - direct;
        var theirs = Percentile(socat.Rtt, 50) - direct;
        var ourRate = Median(apartium.Throughput);
        var theirRate = Median(socat.Throughput);
        Console.WriteLine();
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"goal, added median RTT <= socat's + 25 us: {Format(ours)} <= {Format(theirs + 25)}: {(ours <= theirs + 25 ? "met" : "missed")}"));
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"goal, throughput >= socat's: {Format(ourRate)} >= {Format(theirRate)} MB/s: {(ourRate >= theirRate ? "met" : "missed")}"));
    }

    private static double Median(List<double> values) => Percentile(values, 50);

    /// <summary>The 1-minute load average on Linux: other work on the machine skews every figure.</summary>
    private static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "unknown";
        }
        catch (UnauthorizedAccessException)
        {
            return "unknown";
        }
    }

    private static string Format(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    internal sealed record Settings(int Pings, int Payload, int Megabytes, int Rounds, string Socat)
    {
        public List<string> Validate()
        {
            var problems = new List<string>();
            if (Pings is < 100 or > 10_000_000)
            {
                problems.Add($"--pings must be from 100 to 10000000, not {Pings}");
            }

            if (Payload is < 1 or > 65_536)
            {
                problems.Add($"--payload must be from 1 to 65536 bytes, not {Payload}");
            }

            if (Megabytes is < 1 or > 100_000)
            {
                problems.Add($"--megabytes must be from 1 to 100000, not {Megabytes}");
            }

            if (Rounds is < 1 or > 100)
            {
                problems.Add($"--rounds must be from 1 to 100, not {Rounds}");
            }

            if (string.IsNullOrWhiteSpace(Socat))
            {
                problems.Add("--socat must name an executable");
            }

            return problems;
        }
    }

    private sealed record Target(string Name, IPEndPoint EndPoint)
    {
        public List<double> Rtt { get; } = [];

        public List<double> Throughput { get; } = [];
    }
}
