using ApartiumChat.Transport.Tcp;

namespace ApartiumChat.Cli.Bench;

/// <summary>
/// Connection storm: N clients connect and register (NICK/USER to the 001 welcome) as fast
/// as the server takes them (Concurrency at a time), or at a given rate; then all leave.
/// </summary>
internal static class StormWorkload
{
    public static async Task<BenchResult> RunAsync(BenchSettings settings, CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        var load = ProcessProbe.LoadAverage().One;
        await using var crowd = new ConnectionCrowd();
        var cpu = CpuWindow.Start(settings.ServerPid);
        var seconds = await crowd.ConnectAsync(new TcpTransport(), settings.Target, settings.Clients, settings.Concurrency, settings.Rate, settings.ConnectTimeout, "c", cancellationToken);
        var use = cpu.Stop();
        var pace = settings.Rate is { } rate ? $"at {rate:0.#}/s" : $"{settings.Concurrency} at a time";
        return new BenchResult
        {
            Workload = "storm",
            Description = $"{settings.Clients} clients connect and register, {pace}",
            Server = settings.Label,
            ServerProcess = settings.ServerPid is { } pid ? ProcessProbe.Name(pid) : null,
            Clients = settings.Clients,
            StartedAt = started,
            LoadAverageBefore = load,
            LoadAverageAfter = ProcessProbe.LoadAverage().One,
            ConnectionsPerSecond = crowd.Clients.Count / seconds,
            Latency = crowd.Latency.Summarize(),
            Cpu = use,
            Failures = crowd.Failures,
            Notes = crowd.FirstFailure is { } failure ? [$"first failure: {failure}"] : [],
        };
    }
}
