using ApartiumChat.Reports.Results;
using ScottPlot;

namespace ApartiumChat.Reports.Charts;

public static partial class ChartRenderer
{
    /// <summary>Each delivery of one trial: when it was sent and how long it took to arrive, fault windows shaded.</summary>
    public static ChartFile DeliveryLatency(DeliveryLatencySeries? series)
    {
        if (series is null || series.Samples.Count == 0)
        {
            const string none = "Message delivery latency";
            using var empty = ChartStyle.NewPlot(none, "message sent at, since workload start (s)", "delivery latency (ms)");
            ChartStyle.NoData(empty, "No deliveries to show");
            return new ChartFile(DeliveryLatencyFile, none, "No message deliveries.", ChartStyle.Png(empty));
        }

        var title = $"Message delivery latency, trial {series.TrialIndex}";
        using var plot = ChartStyle.NewPlot(title, "message sent at, since workload start (s)", "delivery latency (ms)");
        var top = series.Samples.Max(s => s.LatencyMs);
        ShadeFaults(plot, series.FaultWindows, labelY: top * 1.02);
        AddPoints(plot, series.Samples.Where(s => !s.ViaHistory).ToList(), "live", ChartStyle.Series(0));
        AddPoints(plot, series.Samples.Where(s => s.ViaHistory).ToList(), "history replay", ChartStyle.Series(1));
        plot.Axes.SetLimitsY(0, Math.Max(top * 1.08, 1));
        plot.ShowLegend(Alignment.UpperRight);

        var sampled = series.Samples.Count < series.TotalDeliveries
            ? $" {series.Samples.Count} of {series.TotalDeliveries} deliveries are drawn, evenly spread."
            : "";
        var caption = $"Time from send to the receiving application for each delivery of trial {series.TrialIndex} (first deliveries only).{ShadingNote(series.FaultWindows)}{sampled}";
        return new ChartFile(DeliveryLatencyFile, title, caption, ChartStyle.Png(plot));
    }

    private static void AddPoints(Plot plot, List<LatencySample> samples, string label, Color color)
    {
        if (samples.Count == 0)
        {
            return;
        }

        var points = plot.Add.ScatterPoints(
            samples.Select(s => s.SentAtMs / 1000).ToArray(),
            samples.Select(s => s.LatencyMs).ToArray(),
            color.WithAlpha(0.6));
        points.MarkerSize = 4;
        points.LegendText = $"{label} ({samples.Count})";
    }
}
