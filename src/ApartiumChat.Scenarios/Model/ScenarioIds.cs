using System.Globalization;

namespace ApartiumChat.Scenarios.Model;

/// <summary>Server ids <c>s0</c>..<c>s{n-1}</c> and client ids <c>c0</c>..<c>c{n-1}</c>.</summary>
public static class ScenarioIds
{
    public static string Server(int index) => "s" + index.ToString(CultureInfo.InvariantCulture);

    public static string Client(int index) => "c" + index.ToString(CultureInfo.InvariantCulture);

    public static IReadOnlyList<string> Servers(int count) => Enumerable.Range(0, Math.Max(count, 0)).Select(Server).ToArray();

    public static IReadOnlyList<string> Clients(int count) => Enumerable.Range(0, Math.Max(count, 0)).Select(Client).ToArray();

    /// <summary>The index of <c>s3</c> or <c>c17</c> (prefix given), if the id is canonical and below <paramref name="count"/>.</summary>
    public static bool TryIndex(string id, char prefix, int count, out int index)
    {
        index = -1;
        if (id.Length < 2 || id[0] != prefix || id.Length > 12)
        {
            return false;
        }

        var digits = id.AsSpan(1);
        // "s01" is not "s1": ids are compared as strings everywhere else, so only the canonical spelling counts.
        if ((digits.Length > 1 && digits[0] == '0') || !digits.ToString().All(char.IsAsciiDigit))
        {
            return false;
        }

        if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value >= count)
        {
            return false;
        }

        index = value;
        return true;
    }

    /// <summary>"s0, s1, s2" for a few ids, "c0..c99" for many.</summary>
    public static string Describe(char prefix, int count) => count switch
    {
        <= 0 => "none",
        <= 16 => string.Join(", ", Enumerable.Range(0, count).Select(i => prefix + i.ToString(CultureInfo.InvariantCulture))),
        _ => $"{prefix}0..{prefix}{(count - 1).ToString(CultureInfo.InvariantCulture)}",
    };
}
