namespace ApartiumChat.Reports.Charts;

public static partial class ChartRenderer
{
    /// <summary>A histogram of detection times over every trial.</summary>
    public static ChartFile DetectionHistogram(IReadOnlyList<double> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        const string title = "Detection time: histogram";
        using var plot = ChartStyle.NewPlot(title, "detection time, fault to connection declared dead (ms)", "samples");
        if (samples.Count == 0)
        {
            ChartStyle.NoData(plot, "No detection samples: no breaking fault hit a client's connection");
            return new ChartFile(DetectionHistogramFile, title, "No detection samples.", ChartStyle.Png(plot));
        }

        var min = samples.Min();
        var max = samples.Max();
        if (max - min < 1)
        {
            min -= 0.5;
            max += 0.5;
        }

        var bins = Math.Clamp((int)Math.Ceiling(Math.Sqrt(samples.Count)), 5, 40);
        // The top edge is nudged up so that the largest sample lands in the last bin, not outside it.
        var histogram = ScottPlot.Statistics.Histogram.WithBinCount(bins, min, max + ((max - min) * 1e-6));
        histogram.AddRange(samples);
        var bars = plot.Add.Histogram(histogram, ChartStyle.Series(0));
        bars.BarWidthFraction = 0.9;
        var caption = $"{Plural(samples.Count, "sample")} over every trial, {bins} bins of {ReportFormat.Number(histogram.FirstBinSize)} ms.";
        return new ChartFile(DetectionHistogramFile, title, caption, ChartStyle.Png(plot));
    }
}
