using ApartiumChat.Scenarios.Execution;
using ApartiumChat.Scenarios.Measurement;
using ApartiumChat.Scenarios.Observations;
using ApartiumChat.Simulation.Tests.Search;

namespace ApartiumChat.Simulation.Tests.Tcp;

/// <summary>
/// Every server fault and every link fault does in sim what it does over real sockets: the
/// same clients declare the same connections dead for the same reasons, they fail over and
/// back as often, end on the same servers, and lose nothing. (Timings differ: virtual time
/// has no scheduling noise; the shape may not.)
/// </summary>
[Category("Tcp")]
public sealed class FaultParityTests
{
    private const string Header = """
        "seed": 42, "trials": 1, "servers": 2, "clients": 3,
        "client": { "heartbeatIntervalMs": 200, "heartbeatTimeoutMs": 1000, "reconnectBaseMs": 20, "reconnectMaxMs": 300, "failback": true, "failbackHoldDownMs": 400 },
        "workload": { "ratePerClient": 5, "messageBytes": 48 },
        "durationMs": 3000, "quiesceMs": 20000,
        """;

    private static IEnumerable<TestCaseData> Faults()
    {
        yield return Case("crash", """{ "atMs": 300, "type": "crash", "server": "s0" }, { "atMs": 1800, "type": "restart", "server": "s0" }""");
        yield return Case("hang", """{ "atMs": 300, "type": "hang", "server": "s0" }, { "atMs": 1800, "type": "unhang", "server": "s0" }""");
        yield return Case("hang-then-crash", """{ "atMs": 300, "type": "hang", "server": "s0" }, { "atMs": 1600, "type": "crash", "server": "s0" }, { "atMs": 1800, "type": "restart", "server": "s0" }""");
        yield return Case("shutdown", """{ "atMs": 300, "type": "shutdown", "server": "s0" }, { "atMs": 1800, "type": "restart", "server": "s0" }""");
        yield return Case("blackhole", """{ "atMs": 300, "type": "blackhole", "server": "s0", "forMs": 1500 }""");
        yield return Case("blackhole-upstream", """{ "atMs": 300, "type": "blackhole", "server": "s0", "direction": "upstream", "clients": ["c1"], "forMs": 1500 }""");
        yield return Case("partition", """{ "atMs": 300, "type": "partition", "server": "s0", "clients": ["c0", "c2"] }, { "atMs": 1800, "type": "heal", "server": "s0" }""");
        yield return Case("reset", """{ "atMs": 300, "type": "reset", "server": "s0" }""");
        yield return Case("refuse", """{ "atMs": 300, "type": "refuse", "server": "s0", "forMs": 1500 }""");
        yield return Case("latency", """{ "atMs": 300, "type": "latency", "server": "s0", "latencyMs": 60, "jitterMs": 20, "forMs": 1500 }""");
        yield return Case("bandwidth", """{ "atMs": 300, "type": "bandwidth", "server": "s0", "rateKBps": 8, "forMs": 1500 }""");
        yield return Case("slicer", """{ "atMs": 300, "type": "slicer", "server": "s0", "averageBytes": 7, "variationBytes": 3, "delayUs": 500, "forMs": 1500 }""");
    }

    [TestCaseSource(nameof(Faults))]
    public async Task Fault_HasTheSameEffect_InSimAndOverTcp(string name, string json)
    {
        var scenario = SimulatedScenario.Load(json);
        var run = SimulatedScenario.Prepare(scenario);
        var settings = MeasurementSettings.For(scenario, ScenarioRunner.ClientDefaults);

        var simulated = SimulatedTrial.Run(run, run.Trials[0], settings);
        var real = await TrialExecution.RunAsync(run, run.Trials[0], new TcpTrialHost(), CancellationToken.None);

        Assert.That(simulated.Error, Is.Null);
        var sim = Shape(simulated.Outcome!.Observation);
        var tcp = Shape(real.Observation);
        TestContext.Out.WriteLine($"{name}: sim {sim}");
        TestContext.Out.WriteLine($"{name}: tcp {tcp}");
        Assert.That(tcp, Is.EqualTo(sim));
    }

    private static TestCaseData Case(string name, string faults) =>
        new TestCaseData(name, $$"""{ "name": "parity-{{name}}", {{Header}} "faults": [ {{faults}} ] }""").SetArgDisplayNames(name);

    /// <summary>What must not depend on the network's timing: who died of what, moves, where everyone ended, the ledger.</summary>
    private static string Shape(TrialObservation observation)
    {
        var figures = TrialMeasurement.Measure(observation);
        var deaths = observation.Events.OfType<ConnectionDeclaredDead>()
            .Select(d => $"{d.Client}@{d.Server}:{d.Reason}")
            .Distinct()
            .Order(StringComparer.Ordinal);
        return $"deaths [{string.Join(" ", deaths)}] failovers {figures.Failovers} failbacks {figures.Failbacks} "
            + $"end [{string.Join(" ", figures.FinalServers.Select(f => $"{f.Client}={f.Server}"))}] "
            + $"lost {figures.Ledger.Lost} dup {figures.Ledger.Duplicated} reordered {figures.Ledger.Reordered} unacked {figures.Ledger.Unacked} quiesced {figures.Quiesced}";
    }
}
