using System.Globalization;
using System.Text;

namespace ApartiumChat.Cli.Bench;

/// <summary>
/// The side-by-side table: a row per figure, a column per server, and the ratios of the
/// first server (ours) to each other. Markdown, so that it reads in a terminal and pastes
/// into a document as is.
/// </summary>
internal static class BenchTable
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Render(BenchResults results)
    {
        // Servers in the order they first appear; the latest result per (workload, server) counts.
        var servers = results.Results.Select(r => r.Server).Distinct().ToList();
        var latest = results.Results.GroupBy(r => (r.Workload, r.Server)).ToDictionary(g => g.Key, g => g.Last());
        var workloads = results.Results.Select(r => r.Workload).Distinct().ToList();
        var text = new StringBuilder();
        text.Append("| workload | figure | ").AppendJoin(" | ", servers);
        foreach (var other in servers.Skip(1))
        {
            text.Append(" | ").Append(servers[0]).Append(" / ").Append(other);
        }

        text.Append(" |\n|---|---|").Append(string.Concat(Enumerable.Repeat("---:|", servers.Count + Math.Max(0, servers.Count - 1)))).Append('\n');
        foreach (var workload in workloads)
        {
            var row = servers.Select(s => latest.GetValueOrDefault((workload, s))).ToList();
            foreach (var figure in Figures(workload))
            {
                var values = row.Select(r => r is null ? null : figure.Value(r)).ToList();
                if (values.All(v => v is null))
                {
                    continue;
                }

                text.Append("| ").Append(workload).Append(" | ").Append(figure.Name).Append(" | ");
                text.AppendJoin(" | ", values.Select((v, i) => v is null ? "-" : figure.Format(v.Value) + Flag(row[i]!, figure)));
                foreach (var other in values.Skip(1))
                {
                    text.Append(" | ").Append(values[0] is { } ours && other is { } theirs && theirs != 0 && figure.Ratio ? (ours / theirs).ToString("0.00", Invariant) + "x" : "-");
                }

                text.Append(" |\n");
            }
        }

        text.Append('\n');
        if (workloads.Exists(w => servers.Exists(s => latest.GetValueOrDefault((w, s))?.GeneratorBound == true)))
        {
            text.Append("* the load generator used at least as much CPU as the server on saturated cores: that server figure is a lower bound.\n");
        }

        if (servers.Count > 1)
        {
            text.Append("Ratios are ").Append(servers[0]).Append("'s figure over the other's: above 1 is more for throughput and connections, and more (worse) for latency, memory and CPU.\n");
        }
        return text.ToString();
    }

    /// <summary>One line per result: load average, CPU, failures (what the table leaves out).</summary>
    public static string Conditions(BenchResults results)
    {
        var text = new StringBuilder();
        foreach (var r in results.Results)
        {
            text.Append(Invariant, $"- {r.Workload} on {r.Server}: {r.Description}; {r.StartedAt:yyyy-MM-dd HH:mm:ss}Z, load average {r.LoadAverageBefore:0.00} -> {r.LoadAverageAfter:0.00}; ");
            text.Append(Invariant, $"CPU over {r.Cpu.WallSeconds:0.0} s: server {Share(r.Cpu.ServerShare)}, generator {Share(r.Cpu.GeneratorShare)}, other processes {Share(r.Cpu.OtherShare)} of a core");
            if (r.GeneratorBound)
            {
                text.Append(" (generator-bound)");
            }

            if (r.Failures > 0)
            {
                text.Append(Invariant, $"; {r.Failures} client failures");
            }

            foreach (var note in r.Notes)
            {
                text.Append("; ").Append(note);
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    private static string Share(double? share) => share is { } s ? (s * 100).ToString("0.0", Invariant) + "%" : "n/a";

    private static string Flag(BenchResult result, Figure figure) => figure.Throughput && result.GeneratorBound ? "*" : "";

    private static IEnumerable<Figure> Figures(string workload)
    {
        if (workload == "heartbeat")
        {
            yield return new Figure("server CPU, idle plain clients (% of a core)", r => Phase(r, null)?.ServerCoreShare * 100, Percent, Ratio: false);
            foreach (var interval in new double[] { 1000, 100 })
            {
                yield return new Figure($"heartbeat cost at {interval:0} ms (% of a core)", r => Phase(r, interval)?.AboveBaseline * 100, Percent, Ratio: false);
            }

            yield break;
        }

        if (workload is "storm" or "idle")
        {
            yield return new Figure("connections/s", r => r.ConnectionsPerSecond, Whole, Throughput: true);
            yield return new Figure("connect to welcome p99 (ms)", r => r.Latency?.Count > 0 ? r.Latency.P99Ms : null, Milliseconds);
        }

        if (workload == "idle")
        {
            yield return new Figure("memory per connection (KiB)", r => r.BytesPerConnection / 1024, Kib);
            yield return new Figure("server CPU holding them (% of a core)", r => r.Cpu.ServerShare * 100, Percent);
            yield break;
        }

        if (workload != "storm")
        {
            yield return new Figure("deliveries/s", r => r.DeliveriesPerSecond, Whole, Throughput: true);
            yield return new Figure("latency p50 (ms)", r => r.Latency?.Count > 0 ? r.Latency.P50Ms : null, Milliseconds);
            yield return new Figure("latency p99 (ms)", r => r.Latency?.Count > 0 ? r.Latency.P99Ms : null, Milliseconds);
            yield return new Figure("latency max (ms)", r => r.Latency?.Count > 0 ? r.Latency.MaxMs : null, Milliseconds);
        }

        yield return new Figure("server CPU (% of a core)", r => r.Cpu.ServerShare * 100, Percent);
        yield return new Figure("generator CPU (% of a core)", r => r.Cpu.GeneratorShare * 100, Percent);
    }

    private static HeartbeatPhase? Phase(BenchResult result, double? intervalMs) =>
        result.Heartbeat?.FirstOrDefault(p => p.IntervalMs == intervalMs);

    private static string Whole(double value) => value.ToString("#,0", Invariant);

    private static string Milliseconds(double value) => value.ToString(value < 10 ? "0.00" : "0.0", Invariant);

    private static string Kib(double value) => value.ToString("0.0", Invariant);

    private static string Percent(double value) => value.ToString("0.00", Invariant);

    private sealed record Figure(string Name, Func<BenchResult, double?> Value, Func<double, string> Format, bool Throughput = false, bool Ratio = true);
}
