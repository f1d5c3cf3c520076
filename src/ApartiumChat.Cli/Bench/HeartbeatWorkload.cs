using ApartiumChat.Client;
using ApartiumChat.Transport.Tcp;

namespace ApartiumChat.Cli.Bench;

/// <summary>
/// What the HA client's heartbeats cost the server: N idle HA clients (our client library,
/// PING every interval) against the server, its CPU share over the measured window, minus
/// the share of N idle plain registered clients (the baseline: the cost of holding them).
/// </summary>
internal static class HeartbeatWorkload
{
    public static async Task<BenchResult> RunAsync(BenchSettings settings, CancellationToken cancellationToken)
    {
        var pid = settings.ServerPid!.Value;
        var started = DateTimeOffset.UtcNow;
        var load = ProcessProbe.LoadAverage().One;
        var phases = new List<HeartbeatPhase>();
        var failures = 0;

        CpuUse baseline;
        await using (var crowd = new ConnectionCrowd())
        {
            await crowd.ConnectAsync(new TcpTransport(), settings.Target, settings.Clients, settings.Concurrency, rate: null, settings.ConnectTimeout, "p", cancellationToken);
            await Task.Delay(settings.WarmUp, cancellationToken);
            var window = CpuWindow.Start(pid);
            await Task.Delay(settings.Duration, cancellationToken);
            baseline = window.Stop();
            var held = crowd.Clients.Count(c => !c.Closed);
            failures += settings.Clients - held;
            phases.Add(new HeartbeatPhase("plain", null, settings.Clients, held, baseline.ServerShare!.Value, null, baseline.GeneratorShare, baseline.WallSeconds));
        }

        foreach (var interval in settings.HeartbeatIntervals)
        {
            var (phase, lost) = await MeasureHaAsync(settings, pid, interval, baseline.ServerShare!.Value, cancellationToken);
            phases.Add(phase);
            failures += lost;
        }

        var last = phases[^1];
        return new BenchResult
        {
            Workload = "heartbeat",
            Description = $"{settings.Clients} idle HA clients, heartbeat every {string.Join(" / ", settings.HeartbeatIntervals.Select(Format))}, minus {settings.Clients} idle plain clients",
            Server = settings.Label,
            ServerProcess = ProcessProbe.Name(pid),
            Clients = settings.Clients,
            StartedAt = started,
            LoadAverageBefore = load,
            LoadAverageAfter = ProcessProbe.LoadAverage().One,
            Cpu = new CpuUse(last.WallSeconds, last.ServerCoreShare * last.WallSeconds, last.GeneratorCoreShare * last.WallSeconds, 0, Environment.ProcessorCount),
            Heartbeat = phases,
            Failures = failures,
        };
    }

    private static async Task<(HeartbeatPhase Phase, int Lost)> MeasureHaAsync(BenchSettings settings, int pid, TimeSpan interval, double baseline, CancellationToken cancellationToken)
    {
        var tag = (Environment.ProcessId % 100_000).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var transport = new TcpTransport();
        var random = new Random(Environment.ProcessId);
        var clients = new List<HaClient>(settings.Clients);
        try
        {
            using var gate = new SemaphoreSlim(settings.Concurrency);
            for (var i = 0; i < settings.Clients; i++)
            {
                var client = new HaClient(
                    new HaClientOptions
                    {
                        Servers = [new ServerEntry("s0", settings.Target)],
                        Nick = $"h{i}x{tag}",
                        HeartbeatInterval = interval,
                        // Generous: a late PONG on a busy shared machine must not turn into a failover.
                        HeartbeatTimeout = interval * 10 > TimeSpan.FromSeconds(5) ? interval * 10 : TimeSpan.FromSeconds(5),
                        ConnectTimeout = settings.ConnectTimeout,
                        Failback = false,
                    },
                    transport,
                    TimeProvider.System,
                    random);
                clients.Add(client);
            }

            await Task.WhenAll(clients.Select(async c =>
            {
                await gate.WaitAsync(cancellationToken);
                try
                {
                    await c.StartAsync(cancellationToken);
                    await c.WhenConnectedAsync(cancellationToken).WaitAsync(settings.ConnectTimeout, cancellationToken);
                }
                finally
                {
                    gate.Release();
                }
            }));

            await Task.Delay(settings.WarmUp, cancellationToken);
            var window = CpuWindow.Start(pid);
            await Task.Delay(settings.Duration, cancellationToken);
            var use = window.Stop();
            var connected = clients.Count(c => c.State == ClientState.Connected);
            var share = use.ServerShare!.Value;
            return (new HeartbeatPhase("ha", interval.TotalMilliseconds, settings.Clients, connected, share, share - baseline, use.GeneratorShare, use.WallSeconds), settings.Clients - connected);
        }
        finally
        {
            foreach (var chunk in clients.Chunk(256))
            {
                await Task.WhenAll(chunk.Select(c => c.DisposeAsync().AsTask()));
            }
        }
    }

    private static string Format(TimeSpan interval) =>
        interval.TotalSeconds >= 1 ? $"{interval.TotalSeconds:0.###} s" : $"{interval.TotalMilliseconds:0} ms";
}
