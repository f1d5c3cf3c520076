using System.Text.Json;
using System.Text.Json.Nodes;

namespace ApartiumChat.Cli.Tests;

/// <summary>
/// <c>apartium scenario run --mode sim</c> end to end: deterministic across processes (the same
/// scenario and seed write the same results.json, wall-clock start aside, and the same event
/// log, event for event), and a trial replays alone from the seed the report lists.
/// </summary>
public sealed class SimulationRunTests
{
    private readonly List<string> _outputs = [];

    [TearDown]
    public void RemoveOutputs()
    {
        foreach (var output in _outputs.Where(Directory.Exists))
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Test]
    public void SameScenarioAndSeed_InTwoProcesses_WriteTheSameResultsAndEventLog()
    {
        var first = Run("crash-primary", "--mode", "sim", "--trials", "4", "--seed", "11");
        var second = Run("crash-primary", "--mode", "sim", "--trials", "4", "--seed", "11");

        Assert.That(WithoutWallClock(second, "results.json"), Is.EqualTo(WithoutWallClock(first, "results.json")));
        Assert.That(File.ReadAllBytes(Path.Combine(second, "events.jsonl")), Is.EqualTo(File.ReadAllBytes(Path.Combine(first, "events.jsonl"))));
        Assert.That(new FileInfo(Path.Combine(first, "events.jsonl")).Length, Is.GreaterThan(10_000), "the log holds every trial's events");
        Assert.That(ReadResults(first)["simulated"]!.GetValue<bool>(), Is.True);
    }

    [Test]
    public void TrialSeedFromTheReport_ReplaysThatTrialEventForEvent()
    {
        var whole = Run("cascade", "--mode", "sim", "--trials", "3");
        var third = ReadResults(whole)["trials"]![2]!;
        var seed = third["seed"]!.GetValue<long>();

        var replay = Run("cascade", "--mode", "sim", "--trial-seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var trialLines = File.ReadAllLines(Path.Combine(whole, "events.jsonl")).Where(l => l.StartsWith("{\"trial\":3,", StringComparison.Ordinal));
        Assert.That(File.ReadAllLines(Path.Combine(replay, "events.jsonl")), Is.EqualTo(trialLines));
        Assert.That(ReadResults(replay)["trials"]![0]!["figures"]!.ToJsonString(), Is.EqualTo(third["figures"]!.ToJsonString()));
    }

    private string Run(string scenario, params string[] options)
    {
        var output = Path.Combine(Path.GetTempPath(), "apartium-sim-" + Guid.NewGuid().ToString("N"));
        _outputs.Add(output);
        var (code, stdout, stderr) = Apartium.Run(TimeSpan.FromMinutes(2), ["scenario", "run", scenario, "--out", output, "--quiet", .. options]);
        Assert.That(code, Is.Zero, stdout + stderr);
        Assert.That(stdout, Does.Contain("(simulated)"));
        return output;
    }

    private static JsonNode ReadResults(string output) => JsonNode.Parse(File.ReadAllText(Path.Combine(output, "results.json")))!;

    /// <summary>The file with its one wall-clock field (when the run started) masked.</summary>
    private static string WithoutWallClock(string output, string file)
    {
        var results = ReadResults(output).AsObject();
        Assert.That(results.ContainsKey("startedUtc"), Is.True);
        results["startedUtc"] = "masked";
        return results.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }
}
