using System.Globalization;

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

        var (start, width, bins) = HistogramBins(samples.Min(), samples.Max(), Math.Clamp((int)Math.Ceiling(Math.Sqrt(samples.Count)), 5, 40));
        var histogram = ScottPlot.Statistics.Histogram.WithBinCount(bins, start, start + (bins * width));
        histogram.AddRange(samples);
        var bars = plot.Add.Histogram(histogram, ChartStyle.Series(0));
        bars.BarWidthFraction = 0.9;
        // Every bin whole on the plot, the highest bar with room above it.
        plot.Axes.SetLimitsX(start - (width * 0.25), start + ((bins + 0.25) * width));
        plot.Axes.SetLimitsY(0, Math.Max(1, histogram.Counts.Max()) * 1.1);
        var caption = $"{Plural(samples.Count, "sample")} over every trial, {bins} bins of {width.ToString("0.####", CultureInfo.InvariantCulture)} ms from {start.ToString("0.####", CultureInfo.InvariantCulture)} ms.";
        return new ChartFile(DetectionHistogramFile, title, caption, ChartStyle.Png(plot));
    }

    /// <summary>
    /// Bins of a round width (1, 2, 2.5 or 5 times a power of ten) starting at a multiple of it,
    /// about <paramref name="target"/> of them, so that every sample, the largest included, falls
    /// inside a bin and the caption's width is exact.
    /// </summary>
    internal static (double Start, double Width, int Bins) HistogramBins(double min, double max, int target)
    {
        var width = RoundStep(Math.Max(max - min, 1) / target);
        var start = Math.Floor((min / width) + 1e-9) * width;
        if (start > min)
        {
            start -= width; // min sat a hair below an edge
        }

        var bins = Math.Max(1, (int)Math.Floor(((max - start) / width) + 1e-9) + 1); // a sample on an edge opens the next bin
        return (start, width, bins);
    }

    private static double RoundStep(double raw)
    {
        var power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        foreach (var factor in (ReadOnlySpan<double>)[1, 2, 2.5, 5])
        {
            if (factor * power >= raw)
            {
                return factor * power;
            }
        }

        return 10 * power;
    }
}
