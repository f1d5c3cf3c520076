namespace ApartiumChat.Scenarios.Model;

/// <summary>
/// A scenario file (SCENARIOS.md), validated: a cluster of servers and HA clients, a workload,
/// a fault timeline, and the expectations the run is judged by. Defaults are the contract's.
/// </summary>
public sealed record Scenario
{
    /// <summary>Format version; only 1 exists.</summary>
    public int Version { get; init; } = 1;

    /// <summary><c>[a-z0-9-]+</c>; names the report folder.</summary>
    public required string Name { get; init; }

    public string Description { get; init; } = "";

    /// <summary>Master seed (0..2^53-1): trial i runs with a seed derived from (seed, i). Default 1.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>Independent repetitions, each on a fresh cluster (1..100000). Default 10.</summary>
    public int Trials { get; init; } = 10;

    public ScenarioMode Mode { get; init; } = ScenarioMode.Tcp;

    /// <summary>Number of servers (1..16), ids <c>s0</c>..</summary>
    public required int Servers { get; init; }

    /// <summary>Number of HA clients (1..10000), ids <c>c0</c>..</summary>
    public required int Clients { get; init; }

    public ScenarioClientOptions Client { get; init; } = ScenarioClientOptions.Default;

    public Workload Workload { get; init; } = Workload.Default;

    /// <summary>Length of the timeline (100..3600000 ms).</summary>
    public required int DurationMs { get; init; }

    /// <summary>The faults in file order (each knows its <see cref="Fault.Index"/>); see <c>FaultTimeline</c> for time order.</summary>
    public IReadOnlyList<Fault> Faults { get; init; } = [];

    /// <summary>Bound on the wait for quiescence after the timeline (0..600000 ms). Default 10000.</summary>
    public int QuiesceMs { get; init; } = 10000;

    public Expectations Expect { get; init; } = Expectations.None;

    public IReadOnlyList<string> ServerIds => ScenarioIds.Servers(Servers);

    public IReadOnlyList<string> ClientIds => ScenarioIds.Clients(Clients);

    public string ModeName => Mode == ScenarioMode.Sim ? "sim" : "tcp";
}
