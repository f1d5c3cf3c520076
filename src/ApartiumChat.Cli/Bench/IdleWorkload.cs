using ApartiumChat.Transport.Tcp;

namespace ApartiumChat.Cli.Bench;

/// <summary>
/// Idle hold: N registered clients doing nothing. Memory per connection is the server's
/// resident memory after the clients connected (and, for a .NET server, a full GC) minus
/// before, divided by N. The server must be a separate process. A warm-up crowd (a tenth
/// of N, at most 500) connects and leaves first.
/// </summary>
internal static class IdleWorkload
{
    public static async Task<BenchResult> RunAsync(BenchSettings settings, CancellationToken cancellationToken)
    {
        var pid = settings.ServerPid!.Value;
        var started = DateTimeOffset.UtcNow;
        var load = ProcessProbe.LoadAverage().One;

        // Warm-up: a first crowd that comes and goes, so that what any server sets up once
        // (code paths, pools, threads, tables) is in "before", not charged to the connections.
        await using (var warmUp = new ConnectionCrowd())
        {
            await warmUp.ConnectAsync(new TcpTransport(), settings.Target, Math.Clamp(settings.Clients / 10, 1, 500), settings.Concurrency, rate: null, settings.ConnectTimeout, "w", cancellationToken);
        }

        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        var gc = await GcTrigger.CollectAsync(pid, cancellationToken);
        var before = ProcessProbe.ResidentBytes(pid) ?? 0;
        await using var crowd = new ConnectionCrowd();
        var connecting = CpuWindow.Start(pid);
        var seconds = await crowd.ConnectAsync(new TcpTransport(), settings.Target, settings.Clients, settings.Concurrency, rate: null, settings.ConnectTimeout, "i", cancellationToken);
        var connectCpu = connecting.Stop();

        // Idle CPU: what holding the clients costs while they do nothing.
        var idle = CpuWindow.Start(pid);
        await Task.Delay(settings.Settle, cancellationToken);
        await GcTrigger.CollectAsync(pid, cancellationToken);
        var idleCpu = idle.Stop();
        var after = ProcessProbe.ResidentBytes(pid) ?? 0;
        var held = crowd.Clients.Count(c => !c.Closed);
        return new BenchResult
        {
            Workload = "idle",
            Description = $"{settings.Clients} registered clients doing nothing",
            Server = settings.Label,
            ServerProcess = ProcessProbe.Name(pid),
            Clients = settings.Clients,
            StartedAt = started,
            LoadAverageBefore = load,
            LoadAverageAfter = ProcessProbe.LoadAverage().One,
            ConnectionsPerSecond = crowd.Clients.Count / seconds,
            Latency = crowd.Latency.Summarize(),
            ResidentBytesBefore = before,
            ResidentBytesAfter = after,
            BytesPerConnection = held == 0 ? null : (after - before) / (double)held,
            GcInduced = gc,
            Cpu = idleCpu,
            Failures = crowd.Failures + (crowd.Clients.Count - held),
            Notes =
            [
                $"connecting used {connectCpu.ServerShare ?? 0:P0} of a core in the server, {connectCpu.GeneratorShare:P0} in the generator",
                .. crowd.FirstFailure is { } failure ? [$"first failure: {failure}"] : Array.Empty<string>(),
            ],
        };
    }
}
