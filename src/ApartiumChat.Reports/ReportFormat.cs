using System.Globalization;

namespace ApartiumChat.Reports;

/// <summary>How numbers read in every report file: invariant culture, at most one decimal for milliseconds.</summary>
public static class ReportFormat
{
    /// <summary>A number as reports print it: integers plain, others with up to 1 decimal.</summary>
    public static string Number(double value) =>
        Math.Abs(value - Math.Round(value)) < 1e-9
            ? Math.Round(value).ToString("0", CultureInfo.InvariantCulture)
            : value.ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>Milliseconds, or a dash when there is no value.</summary>
    public static string Ms(double? value) => value is { } v ? Number(v) : "-";

    public static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The report folder name for a run started at <paramref name="utc"/>: sortable, no colons.</summary>
    public static string Timestamp(DateTimeOffset utc) =>
        utc.ToUniversalTime().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
}
