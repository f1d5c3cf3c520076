using ApartiumChat.Reports.Results;
using ScottPlot;

namespace ApartiumChat.Reports.Charts;

public static partial class ChartRenderer
{
    /// <summary>One trial: a lane per client coloured by the server it was registered on, fault windows shaded.</summary>
    public static ChartFile Timeline(TrialTimeline? timeline)
    {
        if (timeline is null || timeline.Lanes.Count == 0)
        {
            const string none = "Trial timeline";
            using var empty = ChartStyle.NewPlot(none, "time since workload start (s)", "client");
            ChartStyle.NoData(empty, "No trial timeline: no trial ran to completion");
            return new ChartFile(TimelineFile, none, "No trial timeline.", ChartStyle.Png(empty));
        }

        var title = $"Trial {timeline.TrialIndex} (seed {timeline.Seed}): server of each client";
        using var plot = ChartStyle.NewPlot(title, "time since workload start (s)", "client");
        var lanes = timeline.Lanes.Count;
        ShadeFaults(plot, timeline.FaultWindows, labelY: lanes - 0.35);

        var positions = new double[lanes];
        var labels = new string[lanes];
        for (var i = 0; i < lanes; i++)
        {
            var lane = timeline.Lanes[i];
            var y = lanes - 1 - i;
            positions[i] = y;
            labels[i] = lane.Client;
            foreach (var span in lane.Spans)
            {
                var bar = plot.Add.ScatterLine(new[] { span.FromMs / 1000, span.ToMs / 1000 }, new double[] { y, y }, ServerColor(timeline.Servers, span.Server));
                bar.LineWidth = Math.Clamp(300f / lanes, 3f, 14f);
                bar.MarkerSize = 0;
            }
        }

        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions, labels);
        plot.Axes.SetLimits(0, Math.Max(timeline.EndMs / 1000, 0.001), -0.8, lanes - 0.2);
        plot.Legend.ManualItems.AddRange(timeline.Servers.Select(s => new LegendItem
        {
            LabelText = s,
            LineColor = ServerColor(timeline.Servers, s),
            LineWidth = 8,
        }));
        plot.ShowLegend(Edge.Right);

        var shown = lanes < timeline.TotalClients ? $" The first {lanes} of {timeline.TotalClients} clients are shown." : "";
        var caption = $"Which server each client was registered on during trial {timeline.TrialIndex}; a gap is time without a registered connection.{ShadingNote(timeline.FaultWindows)}{shown}";
        var height = Math.Clamp(160 + (lanes * 24), ChartStyle.Height - 120, 1400);
        return new ChartFile(TimelineFile, title, caption, ChartStyle.Png(plot, ChartStyle.Width, height));
    }

    private static Color ServerColor(IReadOnlyList<string> servers, string server)
    {
        for (var i = 0; i < servers.Count; i++)
        {
            if (servers[i] == server)
            {
                return ChartStyle.Series(i);
            }
        }

        return Colors.Gray;
    }

    /// <summary>What the shading means, naming only the kinds of fault the chart shows.</summary>
    internal static string ShadingNote(IReadOnlyList<FaultWindow> windows)
    {
        var breaking = windows.Any(w => w.Breaking);
        var slowing = windows.Any(w => !w.Breaking);
        return (breaking, slowing) switch
        {
            (true, true) => " Shaded: breaking faults (red) and slowing faults (grey).",
            (true, false) => " Shaded: faults (red).",
            (false, true) => " Shaded: slowing faults (grey).",
            _ => "",
        };
    }

    /// <summary>Shades each fault window (a line for an instant fault) and names it at <paramref name="labelY"/>.</summary>
    private static void ShadeFaults(Plot plot, IReadOnlyList<FaultWindow> windows, double labelY)
    {
        foreach (var window in windows)
        {
            var color = window.Breaking ? ChartStyle.BreakingFault : ChartStyle.SlowingFault;
            if (window.ToMs - window.FromMs < 1)
            {
                plot.Add.VerticalLine(window.FromMs / 1000, 2, color.WithAlpha(0.8), LinePattern.Dashed);
            }
            else
            {
                plot.Add.HorizontalSpan(window.FromMs / 1000, window.ToMs / 1000, color);
            }

            var text = plot.Add.Text(window.Label, window.FromMs / 1000, labelY);
            text.LabelStyle.FontSize = 11;
            text.LabelStyle.ForeColor = Colors.Black.WithAlpha(0.75);
        }
    }
}
