using System.Text.Json;

namespace ApartiumChat.Cli.Tests;

/// <summary><c>apartium scenario run</c> end to end: real servers, proxies and clients over loopback.</summary>
public sealed class ScenarioRunTests
{
    [Test]
    [Category("Tcp")]
    public void CrashPrimary_ShortRun_PassesAndWritesTheWholeReport()
    {
        var output = Path.Combine(Path.GetTempPath(), "apartium-ci-" + Guid.NewGuid().ToString("N"));
        try
        {
            var scenario = Path.Combine(AppContext.BaseDirectory, "testdata", "crash-primary-ci.json");
            var (code, stdout, stderr) = Apartium.Run(TimeSpan.FromMinutes(4), "scenario", "run", scenario, "--out", output, "--quiet");

            Assert.That(code, Is.Zero, stdout + stderr);
            foreach (var file in new[] { "report.md", "report.html", "results.json", "trials.csv", "failover-cdf.png", "detection-histogram.png", "timeline.png", "delivery-latency.png" })
            {
                Assert.That(new FileInfo(Path.Combine(output, file)), Has.Property("Length").GreaterThan(100), file);
            }

            using var results = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "results.json")));
            var root = results.RootElement;
            Assert.That(root.GetProperty("verdict").GetString(), Is.EqualTo("pass"));
            Assert.That(root.GetProperty("trials").GetArrayLength(), Is.EqualTo(2));
            Assert.That(root.GetProperty("figures").GetProperty("failoverMs").GetProperty("n").GetInt32(), Is.EqualTo(8), "4 clients x 2 trials each failed over once");
            Assert.That(root.GetProperty("figures").GetProperty("lost").GetInt64(), Is.Zero);
            Assert.That(stdout, Does.Contain("PASS"));
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }

    [Test]
    public void InvalidScenario_IsRefusedWithExitCode2_NamingFieldPathAndLine()
    {
        var file = Path.Combine(Path.GetTempPath(), "apartium-bad-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(file, "{\n  \"name\": \"bad\",\n  \"servers\": 2,\n  \"clients\": 3,\n  \"durationMs\": 1000,\n  \"faults\": [ { \"atMs\": 10, \"type\": \"crash\", \"server\": \"s9\" } ]\n}\n");
        try
        {
            var (code, _, stderr) = Apartium.Run(TimeSpan.FromMinutes(1), "scenario", "run", file);

            Assert.That(code, Is.EqualTo(2));
            Assert.That(stderr, Does.Contain("$.faults[0].server (line 6)").And.Contain("s9"));
            Assert.That(stderr, Does.Not.Contain("   at "));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public void UnknownScenarioName_ListsTheShippedOnes()
    {
        var (code, _, stderr) = Apartium.Run(TimeSpan.FromMinutes(1), "scenario", "run", "no-such-scenario");

        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Does.Contain("no-such-scenario"));
    }

    [Test]
    [Category("Tcp")]
    public void TrialSeed_OverTcp_ReplaysTheSameTargetingDecisions()
    {
        var scenario = Path.Combine(AppContext.BaseDirectory, "testdata", "partial-toxicity-tcp.json");
        var whole = Path.Combine(Path.GetTempPath(), "apartium-ci-" + Guid.NewGuid().ToString("N"));
        var replay = whole + "-replay";
        try
        {
            var (code, stdout, stderr) = Apartium.Run(TimeSpan.FromMinutes(4), "scenario", "run", scenario, "--out", whole, "--quiet");
            Assert.That(code, Is.Zero, stdout + stderr);
            using var results = JsonDocument.Parse(File.ReadAllText(Path.Combine(whole, "results.json")));
            var seed = results.RootElement.GetProperty("trials")[1].GetProperty("seed").GetInt64();

            (code, stdout, stderr) = Apartium.Run(TimeSpan.FromMinutes(4), "scenario", "run", scenario, "--out", replay, "--quiet",
                "--trial-seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.That(code, Is.Zero, stdout + stderr);

            var original = TargetingDecisions(whole, trial: 2);
            Assert.That(original.Count(d => d.EndsWith("applied", StringComparison.Ordinal)), Is.InRange(1, original.Count - 1),
                "toxicity 0.5 over 6 clients and 2 faults hits some clients and spares others");
            Assert.That(TargetingDecisions(replay, trial: null), Is.EqualTo(original), "the replay runs that one trial alone");
        }
        finally
        {
            foreach (var output in new[] { whole, replay }.Where(Directory.Exists))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }

    /// <summary>
    /// A trial's (or, with no trial given, every) targeting decisions from the event log: which fault hit which client, with the draw
    /// (timestamps left out: over real sockets the network's own timing does not repeat).
    /// </summary>
    private static List<string> TargetingDecisions(string output, int? trial)
    {
        var decisions = new List<string>();
        foreach (var line in File.ReadLines(Path.Combine(output, "events.jsonl")))
        {
            using var entry = JsonDocument.Parse(line);
            var e = entry.RootElement;
            if ((trial is null || e.GetProperty("trial").GetInt32() == trial)
                && e.GetProperty("event").GetString() == "injection"
                && e.GetProperty("kind").GetString() == "Decision"
                && e.TryGetProperty("toxicity", out var toxicity) && toxicity.GetDouble() < 1)
            {
                decisions.Add($"{e.GetProperty("proxy").GetString()} {e.GetProperty("key").GetString()} draw {e.GetProperty("draw").GetDouble():R} "
                    + (e.GetProperty("applied").GetBoolean() ? "applied" : "spared"));
            }
        }

        decisions.Sort(StringComparer.Ordinal);
        return decisions;
    }
}
