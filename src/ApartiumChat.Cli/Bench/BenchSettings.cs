using System.Net;

namespace ApartiumChat.Cli.Bench;

/// <summary>Settings of one bench run; every workload reads the ones it needs.</summary>
internal sealed record BenchSettings
{
    public static BenchSettings Default { get; } = new();

    /// <summary>The server under load. Default 127.0.0.1:6667.</summary>
    public EndPoint Target { get; init; } = new IPEndPoint(IPAddress.Loopback, 6667);

    /// <summary>The server's name in tables and charts (apartium, inspircd, ngircd). Default "server".</summary>
    public string Label { get; init; } = "server";

    /// <summary>The server's process id, to read its CPU time and memory. Default none (no server figures).</summary>
    public int? ServerPid { get; init; }

    /// <summary>Receivers (fan-out), senders (chatter), pairs (channels) or connections (storm, idle, heartbeat).</summary>
    public int Clients { get; init; } = 50;

    /// <summary>Time under load before measuring starts. Default 3 s.</summary>
    public TimeSpan WarmUp { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Measured time. Default 10 s.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Messages per sender sent and not yet received by all of its receivers, at most. Default 100.</summary>
    public int Window { get; init; } = 100;

    /// <summary>Bytes of message text. Default 64.</summary>
    public int MessageBytes { get; init; } = 64;

    /// <summary>Connections being set up at once (storm, idle, heartbeat). Default 64.</summary>
    public int Concurrency { get; init; } = 64;

    /// <summary>
    /// Storm: new connections per second. Message workloads: messages per second per sender
    /// (paced, still within the window), to compare servers' CPU at the same load. Default
    /// null: as fast as the server takes them.
    /// </summary>
    public double? Rate { get; init; }

    /// <summary>Idle: wait after the last client registered, before reading memory. Default 5 s.</summary>
    public TimeSpan Settle { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Heartbeat: the intervals to measure. Default 1 s and 100 ms.</summary>
    public IReadOnlyList<TimeSpan> HeartbeatIntervals { get; init; } = [TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(100)];

    /// <summary>Bound on connecting, registering or joining one client. Default 30 s.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Every problem with these settings, or none.</summary>
    public IReadOnlyList<string> Validate(BenchWorkload workload)
    {
        var problems = new List<string>();
        var least = workload == BenchWorkload.Chatter ? 2 : 1;
        if (Clients < least)
        {
            problems.Add($"--clients must be at least {least} (got {Clients})");
        }

        if (WarmUp < TimeSpan.Zero)
        {
            problems.Add($"--warm-up must not be negative (got {WarmUp})");
        }

        if (Duration <= TimeSpan.Zero)
        {
            problems.Add($"--duration must be positive (got {Duration})");
        }

        if (Window < 1)
        {
            problems.Add($"--window must be at least 1 (got {Window})");
        }

        if (MessageBytes is < 32 or > 400)
        {
            problems.Add($"--size must be 32 to 400 bytes (got {MessageBytes})");
        }

        if (Concurrency < 1)
        {
            problems.Add($"--concurrency must be at least 1 (got {Concurrency})");
        }

        if (Rate is <= 0)
        {
            problems.Add($"--rate must be positive (got {Rate})");
        }

        if (HeartbeatIntervals.Count == 0 || HeartbeatIntervals.Any(i => i <= TimeSpan.Zero))
        {
            problems.Add("--intervals must list positive durations");
        }

        if ((workload is BenchWorkload.Idle or BenchWorkload.Heartbeat) && ServerPid is null)
        {
            problems.Add($"--server-pid is needed for the {workload.ToString().ToLowerInvariant()} workload (it reads the server's memory or CPU)");
        }

        if (ServerPid is { } pid && ProcessProbe.CpuSeconds(pid) is null)
        {
            problems.Add($"--server-pid {pid}: no such process");
        }

        return problems;
    }
}
