using ScottPlot;

namespace ApartiumChat.Cli.Bench;

/// <summary>
/// The bench charts (PNG, ScottPlot, in the style of the scenario reports): throughput and
/// p50/p99 latency per workload with a bar per server side by side, the latency percentile
/// curves per workload, and memory per connection.
/// </summary>
internal static class BenchCharts
{
    private const int Width = 960;
    private const int Height = 520;

    private static readonly Color[] Palette = [Color.FromHex("#1f77b4"), Color.FromHex("#ff7f0e"), Color.FromHex("#2ca02c"), Color.FromHex("#9467bd"), Color.FromHex("#8c564b")];

    private static readonly string[] MessageWorkloads = ["fanout", "chatter", "channels"];

    /// <summary>Writes every chart the results have data for; returns the file names.</summary>
    public static IReadOnlyList<string> WriteAll(BenchResults results, string folder)
    {
        var servers = results.Results.Select(r => r.Server).Distinct().ToList();
        var latest = results.Results.GroupBy(r => (r.Workload, r.Server)).Select(g => g.Last()).ToList();
        var written = new List<string>();
        var messages = latest.Where(r => MessageWorkloads.Contains(r.Workload) && r.DeliveriesPerSecond is not null).ToList();
        if (messages.Count > 0)
        {
            written.Add(Save(folder, "throughput.png", Grouped("Delivered messages per second", "deliveries/s", servers, messages, r => r.DeliveriesPerSecond)));
            written.Add(Save(folder, "latency-p50.png", Grouped("Delivery latency p50 (send to receipt)", "ms", servers, messages, r => r.Latency?.P50Ms)));
            written.Add(Save(folder, "latency-p99.png", Grouped("Delivery latency p99 (send to receipt)", "ms", servers, messages, r => r.Latency?.P99Ms)));
            foreach (var workload in messages.Select(r => r.Workload).Distinct())
            {
                written.Add(Save(folder, $"latency-curve-{workload}.png", Curves(workload, servers, messages.Where(r => r.Workload == workload).ToList())));
            }
        }

        var connections = latest.Where(r => r.Workload is "storm" or "idle" && r.ConnectionsPerSecond is not null).ToList();
        if (connections.Count > 0)
        {
            written.Add(Save(folder, "connections.png", Grouped("Connections registered per second", "connections/s", servers, connections, r => r.ConnectionsPerSecond)));
        }

        var memory = latest.Where(r => r.BytesPerConnection is not null).ToList();
        if (memory.Count > 0)
        {
            written.Add(Save(folder, "memory.png", Grouped("Server memory per idle connection", "KiB", servers, memory, r => r.BytesPerConnection / 1024)));
        }

        return written;
    }

    /// <summary>A group of bars per workload, a bar per server.</summary>
    private static Plot Grouped(string title, string unit, List<string> servers, List<BenchResult> results, Func<BenchResult, double?> value)
    {
        var plot = NewPlot(title, "workload", unit);
        var workloads = results.Select(r => r.Workload).Distinct().ToList();
        var width = 0.8 / servers.Count;
        for (var w = 0; w < workloads.Count; w++)
        {
            for (var s = 0; s < servers.Count; s++)
            {
                if (results.FirstOrDefault(r => r.Workload == workloads[w] && r.Server == servers[s]) is not { } result || value(result) is not { } v)
                {
                    continue;
                }

                var bar = plot.Add.Bar(new Bar
                {
                    Position = w + ((s - ((servers.Count - 1) / 2.0)) * width),
                    Value = v,
                    Size = width * 0.92,
                    FillColor = Palette[s % Palette.Length],
                    Label = Label(v) + (result.GeneratorBound ? "*" : ""),
                });
                bar.ValueLabelStyle.FontSize = 12;
            }
        }

        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. Enumerable.Range(0, workloads.Count).Select(i => (double)i)],
            [.. workloads.Select(w => Describe(results.First(r => r.Workload == w)))]);
        plot.Axes.Margins(bottom: 0, top: 0.15);
        plot.Legend.ManualItems.AddRange(servers.Select((s, i) => new LegendItem { LabelText = s, FillColor = Palette[i % Palette.Length] }));
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }

    /// <summary>Latency against percentile, a line per server; the x axis spreads the tail ("nines").</summary>
    private static Plot Curves(string workload, List<string> servers, List<BenchResult> results)
    {
        var plot = NewPlot($"Delivery latency by percentile: {Describe(results[0])}", "percentile", "latency (ms)");
        var ticks = new[] { 0.0, 50, 90, 99, 99.9, 99.99 };
        for (var s = 0; s < servers.Count; s++)
        {
            if (results.FirstOrDefault(r => r.Server == servers[s]) is not { Latency.Curve.Count: > 0 } result)
            {
                continue;
            }

            var points = result.Latency!.Curve.Where(p => p.Percentile < 100).ToList();
            var line = plot.Add.ScatterLine(points.Select(p => Nines(p.Percentile)).ToArray(), points.Select(p => p.Ms).ToArray(), Palette[s % Palette.Length]);
            line.LineWidth = 2;
            line.MarkerSize = 5;
            line.LegendText = $"{servers[s]} (max {Label(result.Latency.MaxMs)} ms)";
        }

        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. ticks.Select(Nines)], [.. ticks.Select(t => t + "%")]);
        plot.ShowLegend(Alignment.UpperLeft);
        _ = workload;
        return plot;
    }

    // 0 -> 0, 90 -> 1, 99 -> 2, 99.9 -> 3: the tail gets as much room as the body.
    private static double Nines(double percentile) => -Math.Log10(Math.Max(1e-5, 1 - (percentile / 100)));

    private static string Describe(BenchResult result) => result.Workload switch
    {
        "fanout" => $"fan-out 1->{result.Clients - 1}",
        "chatter" => $"chatter {result.Clients}",
        "channels" => $"{result.Clients / 2} channels",
        "storm" => $"storm {result.Clients}",
        "idle" => $"idle {result.Clients}",
        _ => result.Workload,
    };

    private static string Label(double value) => value switch
    {
        >= 100 => value.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture),
        >= 10 => value.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
    };

    private static Plot NewPlot(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Font.Set("DejaVu Sans");
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        return plot;
    }

    private static string Save(string folder, string name, Plot plot)
    {
        using (plot)
        {
            plot.SavePng(Path.Combine(folder, name), Width, Height);
        }

        return name;
    }
}
