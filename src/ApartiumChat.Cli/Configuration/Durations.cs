using System.Globalization;

namespace ApartiumChat.Cli.Configuration;

/// <summary>Durations as people write them: <c>30</c> (seconds), <c>500ms</c>, <c>30s</c>, <c>2m</c>, <c>1h</c>, <c>00:00:30</c>.</summary>
internal static class Durations
{
    public static bool TryParse(string text, out TimeSpan value)
    {
        text = text.Trim();
        if (text.StartsWith('-'))
        {
            value = default;
            return false;
        }

        foreach (var (suffix, unit) in new[] { ("ms", 0.001), ("s", 1.0), ("m", 60.0), ("h", 3600.0) })
        {
            if (text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
                && double.TryParse(text[..^suffix.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount)
                && amount >= 0 && double.IsFinite(amount))
            {
                value = TimeSpan.FromSeconds(amount * unit);
                return true;
            }
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0 && double.IsFinite(seconds))
        {
            value = TimeSpan.FromSeconds(seconds);
            return true;
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value);
    }
}
