namespace ApartiumChat.Cli.Bench;

/// <summary>
/// The figures of one workload against one server. Throughput workloads fill the message
/// figures, storm and idle the connection figures, heartbeat its phases; CPU is always there.
/// </summary>
internal sealed record BenchResult
{
    /// <summary>fanout, chatter, channels, storm, idle or heartbeat.</summary>
    public required string Workload { get; init; }

    /// <summary>What ran, in words ("1 sender -> 50 receivers, window 100").</summary>
    public required string Description { get; init; }

    /// <summary>The server's label (apartium, inspircd, ngircd).</summary>
    public required string Server { get; init; }

    /// <summary>The server process's command name, when its pid was given.</summary>
    public string? ServerProcess { get; init; }

    public required int Clients { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>Load average (1 min) of the machine when the run started and ended: above ~1.5 the machine was not quiet.</summary>
    public required double LoadAverageBefore { get; init; }

    public double LoadAverageAfter { get; init; }

    public double? MessagesSentPerSecond { get; init; }

    /// <summary>Messages received by clients per second (each receiver counts): the throughput figure.</summary>
    public double? DeliveriesPerSecond { get; init; }

    /// <summary>Send to receipt (message workloads) or connect to welcome (storm).</summary>
    public LatencySummary? Latency { get; init; }

    public double? ConnectionsPerSecond { get; init; }

    public long? ResidentBytesBefore { get; init; }

    public long? ResidentBytesAfter { get; init; }

    public double? BytesPerConnection { get; init; }

    /// <summary>Whether a full GC was induced in the server before each memory reading (only .NET servers have one).</summary>
    public bool? GcInduced { get; init; }

    public required CpuUse Cpu { get; init; }

    /// <summary>The load generator used at least as much CPU as the server on saturated cores: the server figure is a lower bound.</summary>
    public bool GeneratorBound => Cpu.GeneratorBound;

    public IReadOnlyList<HeartbeatPhase>? Heartbeat { get; init; }

    /// <summary>Clients that failed to connect, register or join, or lost their connection.</summary>
    public int Failures { get; init; }

    public IReadOnlyList<string> Notes { get; init; } = [];
}

/// <summary>One phase of the heartbeat workload: idle clients of one kind, the server's CPU share over the window.</summary>
/// <param name="Kind">"plain" (registered IRC clients, the baseline) or "ha".</param>
/// <param name="IntervalMs">The HA clients' heartbeat interval; null for the baseline.</param>
/// <param name="Clients">Clients started.</param>
/// <param name="Connected">Clients still connected at the end of the window.</param>
/// <param name="ServerCoreShare">Server CPU over the window, as a share of one core.</param>
/// <param name="AboveBaseline">ServerCoreShare minus the baseline's; null for the baseline.</param>
/// <param name="GeneratorCoreShare">The load generator's CPU over the window, as a share of one core.</param>
/// <param name="WallSeconds">The window.</param>
internal sealed record HeartbeatPhase(string Kind, double? IntervalMs, int Clients, int Connected, double ServerCoreShare, double? AboveBaseline, double GeneratorCoreShare, double WallSeconds);
