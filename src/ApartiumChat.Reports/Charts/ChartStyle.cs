using ScottPlot;

namespace ApartiumChat.Reports.Charts;

/// <summary>What every chart shares: its size, the palette, and how it says "no data".</summary>
internal static class ChartStyle
{
    public const int Width = 960;
    public const int Height = 520;

    private static readonly Color[] Palette =
    [
        Color.FromHex("#1f77b4"), Color.FromHex("#ff7f0e"), Color.FromHex("#2ca02c"), Color.FromHex("#9467bd"),
        Color.FromHex("#8c564b"), Color.FromHex("#e377c2"), Color.FromHex("#17becf"), Color.FromHex("#bcbd22"),
    ];

    public static Color BreakingFault { get; } = Color.FromHex("#d62728").WithAlpha(0.16);

    public static Color SlowingFault { get; } = Color.FromHex("#7f7f7f").WithAlpha(0.16);

    public static Color Series(int index) => Palette[((index % Palette.Length) + Palette.Length) % Palette.Length];

    public static Plot NewPlot(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        // DejaVu Sans ships with most Linux systems; ScottPlot falls back to its default where it is missing.
        plot.Font.Set("DejaVu Sans");
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        return plot;
    }

    /// <summary>Writes a centred remark instead of data, keeping title and axis labels, with sensible axis limits.</summary>
    public static void NoData(Plot plot, string text)
    {
        var annotation = plot.Add.Annotation(text, Alignment.MiddleCenter);
        annotation.LabelStyle.FontSize = 18;
        annotation.LabelStyle.BackgroundColor = Colors.White;
        annotation.LabelStyle.BorderColor = Colors.Gray;
        annotation.LabelStyle.ShadowColor = Colors.Transparent;
        plot.Axes.SetLimits(0, 1, 0, 1);
    }

    public static byte[] Png(Plot plot, int width = Width, int height = Height) =>
        plot.GetImageBytes(width, height, ImageFormat.Png);
}
