using ApartiumChat.Reports.Results;
using ScottPlot;

namespace ApartiumChat.Reports.Charts;

public static partial class ChartRenderer
{
    /// <summary>The empirical CDF of failover times, one step line per fault kind.</summary>
    public static ChartFile FailoverCdf(IReadOnlyList<SampleSeries> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        const string title = "Failover time: cumulative distribution";
        using var plot = ChartStyle.NewPlot(title, "failover time, fault to registered again (ms)", "samples at or below (%)");
        var withData = series.Where(s => s.Values.Count > 0).ToList();
        if (withData.Count == 0)
        {
            ChartStyle.NoData(plot, "No failover samples: no client was forced off its server");
            return new ChartFile(FailoverCdfFile, title, "No failover samples.", ChartStyle.Png(plot));
        }

        for (var i = 0; i < withData.Count; i++)
        {
            var sorted = withData[i].Values.Order().ToArray();
            var xs = new double[sorted.Length + 1];
            var ys = new double[sorted.Length + 1];
            xs[0] = sorted[0];
            for (var k = 0; k < sorted.Length; k++)
            {
                xs[k + 1] = sorted[k];
                ys[k + 1] = 100.0 * (k + 1) / sorted.Length;
            }

            var line = plot.Add.ScatterLine(xs, ys, ChartStyle.Series(i));
            line.ConnectStyle = ConnectStyle.StepHorizontal;
            line.LineWidth = 2;
            line.LegendText = $"{withData[i].Label} (n={sorted.Length})";
        }

        plot.Axes.SetLimitsY(0, 102);
        plot.ShowLegend(Alignment.LowerRight);
        var caption = $"Share of failover samples at or below each time, over every trial; {string.Join(", ", withData.Select(s => $"{s.Label}: {Plural(s.Values.Count, "sample")}"))}.";
        return new ChartFile(FailoverCdfFile, title, caption, ChartStyle.Png(plot));
    }
}
