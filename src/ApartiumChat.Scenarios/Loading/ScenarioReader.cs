using System.Globalization;
using System.Text.Json;

namespace ApartiumChat.Scenarios.Loading;

/// <summary>
/// Turns the source tree of a scenario file into the model, collecting every problem with its
/// JSON path and line. Each section reader checks its own fields; cross-field rules run once
/// the values they compare are known to be valid, so one mistake is reported once.
/// </summary>
internal sealed partial class ScenarioReader
{
    /// <summary>Largest integer every JSON reader holds exactly (2^53 - 1); the bound of seeds and counts.</summary>
    public const long MaxExactInteger = 9_007_199_254_740_991;

    private readonly List<ScenarioError> _errors = [];

    public IReadOnlyList<ScenarioError> Errors => _errors;

    private void Error(string path, int line, string message) => _errors.Add(new ScenarioError(path, line, message));

    private void Error(SourceNode node, string message) => Error(node.Path, node.Line, message);

    private void Missing(SourceObject parent, string name, string allowed) =>
        Error(SourceParser.PathOf(parent.Path, name), parent.Line, $"missing; allowed: {allowed}");

    private static SourceNode? Get(SourceObject obj, string name) =>
        obj.Properties.FirstOrDefault(p => p.Name == name)?.Value;

    /// <summary>Reports every field of <paramref name="obj"/> not in <paramref name="allowed"/>.</summary>
    private void RefuseUnknown(SourceObject obj, IReadOnlyList<string> allowed, string? whose = null)
    {
        foreach (var property in obj.Properties.Where(p => !allowed.Contains(p.Name)))
        {
            var what = whose is null ? "unknown field" : $"not a field of {whose}";
            Error(SourceParser.PathOf(obj.Path, property.Name), property.Line, $"{what}; allowed: {string.Join(", ", allowed)}");
        }
    }

    /// <summary>"1..16"; "0 or more" for the open-ended bounds (int.MaxValue, long.MaxValue); "1" when min is max.</summary>
    private static string Range(long min, long max) => max switch
    {
        int.MaxValue or long.MaxValue => $"{min} or more",
        _ when max == min => $"{min}",
        _ => $"{min}..{max}",
    };

    private static string Range(double min, double max) =>
        double.IsPositiveInfinity(max) ? $"{Num(min)} or more" : $"{Num(min)}..{Num(max)}";

    private static string Num(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Num(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>An integer field in [min, max]; null when absent (reported if required) or invalid (reported).</summary>
    private long? Integer(SourceObject obj, string name, long min, long max, bool required = false)
    {
        var node = Get(obj, name);
        if (node is null)
        {
            if (required)
            {
                Missing(obj, name, $"an integer {Range(min, max)}");
            }

            return null;
        }

        return Integer(node, min, max);
    }

    private long? Integer(SourceNode node, long min, long max)
    {
        if (node is not SourceScalar { IsNumber: true } scalar)
        {
            Error(node, $"{node.Describe()} is not an integer; allowed: {Range(min, max)}");
            return null;
        }

        // A number too large for a decimal (1e40) is out of every range here.
        if (!scalar.TryGetDecimal(out var value))
        {
            Error(node, $"{node.Describe()} is out of range; allowed: {Range(min, max)}");
            return null;
        }

        if (value != decimal.Truncate(value))
        {
            Error(node, $"{node.Describe()} is not an integer; allowed: {Range(min, max)}");
            return null;
        }

        if (value < min || value > max)
        {
            Error(node, $"{node.Describe()} is out of range; allowed: {Range(min, max)}");
            return null;
        }

        return (long)value;
    }

    private int? Int(SourceObject obj, string name, int min, int max, bool required = false) =>
        Integer(obj, name, min, max, required) is { } value ? (int)value : null;

    /// <summary>A number field (fractions allowed) in [min, max].</summary>
    private double? Number(SourceObject obj, string name, double min, double max, bool required = false)
    {
        var node = Get(obj, name);
        if (node is null)
        {
            if (required)
            {
                Missing(obj, name, $"a number {Range(min, max)}");
            }

            return null;
        }

        if (node is not SourceScalar { IsNumber: true } scalar)
        {
            Error(node, $"{node.Describe()} is not a number; allowed: {Range(min, max)}");
            return null;
        }

        var value = double.Parse(scalar.Text, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (!double.IsFinite(value) || value < min || value > max)
        {
            Error(node, $"{node.Describe()} is out of range; allowed: {Range(min, max)}");
            return null;
        }

        return value;
    }

    private bool? Bool(SourceObject obj, string name)
    {
        var node = Get(obj, name);
        if (node is null)
        {
            return null;
        }

        if (node is SourceScalar { IsBoolean: true } scalar)
        {
            return scalar.Kind == JsonTokenType.True;
        }

        Error(node, $"{node.Describe()} is not a boolean; allowed: true, false");
        return null;
    }

    /// <summary>A string field; <paramref name="allowed"/> says what a valid one is.</summary>
    private string? Text(SourceObject obj, string name, string allowed, bool required = false)
    {
        var node = Get(obj, name);
        if (node is null)
        {
            if (required)
            {
                Missing(obj, name, allowed);
            }

            return null;
        }

        if (node is SourceScalar { IsString: true } scalar)
        {
            return scalar.Text;
        }

        Error(node, $"{node.Describe()} is not a string; allowed: {allowed}");
        return null;
    }

    /// <summary>An object field; reports anything else.</summary>
    private SourceObject? Section(SourceObject obj, string name, string allowed)
    {
        var node = Get(obj, name);
        switch (node)
        {
            case null:
                return null;
            case SourceObject section:
                return section;
            default:
                Error(node, $"{node.Describe()} is not an object; allowed: {allowed}");
                return null;
        }
    }

    /// <summary>
    /// A list of ids (servers or clients) that must exist in this scenario, each once, at least
    /// one. Null when absent or invalid. <paramref name="count"/> null: the id range is unknown
    /// (its own field is invalid), so ids are only checked for shape and repetition.
    /// </summary>
    private List<string>? IdList(SourceObject obj, string name, char prefix, int? count, string noun, string emptyHint)
    {
        var node = Get(obj, name);
        if (node is null)
        {
            return null;
        }

        var allowedIds = count is { } n ? ScenarioIdsText(prefix, n) : $"{noun} ids {prefix}0, {prefix}1, ...";
        if (node is not SourceArray array)
        {
            Error(node, $"{node.Describe()} is not a list; allowed: a list of {allowedIds}");
            return null;
        }

        if (array.Items.Count == 0)
        {
            Error(node, $"an empty list names no {noun}; allowed: one or more of {allowedIds}{emptyHint}");
            return null;
        }

        var ids = new List<string>();
        var ok = true;
        foreach (var item in array.Items)
        {
            if (Id(item, prefix, count, noun) is not { } id)
            {
                ok = false;
                continue;
            }

            if (ids.Contains(id))
            {
                Error(item, $"'{id}' is listed twice; allowed: each {noun} once");
                ok = false;
                continue;
            }

            ids.Add(id);
        }

        return ok ? ids : null;
    }

    /// <summary>A server or client id that exists in this scenario.</summary>
    private string? Id(SourceNode node, char prefix, int? count, string noun)
    {
        var allowedIds = count is { } n ? ScenarioIdsText(prefix, n) : $"{noun} ids {prefix}0, {prefix}1, ...";
        if (node is not SourceScalar { IsString: true } scalar)
        {
            Error(node, $"{node.Describe()} is not a {noun} id; allowed: {allowedIds}");
            return null;
        }

        var limit = count ?? (prefix == 's' ? MaxServers : MaxClients);
        if (!Model.ScenarioIds.TryIndex(scalar.Text, prefix, limit, out _))
        {
            Error(node, $"'{scalar.Text}' is not a {noun} of this scenario; allowed: {allowedIds}");
            return null;
        }

        return scalar.Text;
    }

    private static string ScenarioIdsText(char prefix, int count) => Model.ScenarioIds.Describe(prefix, count);
}
