using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace ApartiumChat.Cli.Configuration;

/// <summary>
/// Binds a configuration section onto an options record (defaults first, then every key the
/// section sets), collecting every problem instead of stopping at the first: unknown keys,
/// values that do not convert. The record's own validation then adds the range checks.
/// </summary>
/// <remarks>
/// Durations accept seconds (<c>30</c>), a unit (<c>500ms</c>, <c>30s</c>, <c>2m</c>, <c>1h</c>)
/// or a TimeSpan (<c>00:00:30</c>). Lists are JSON arrays (or <c>Key:0</c>, <c>Key:1</c>, ...).
/// </remarks>
internal static class SettingsBinder
{
    public static T Bind<T>(IConfigurationSection section, T defaults, List<string> problems)
        where T : class => (T)BindObject(section, defaults, typeof(T), problems);

    private static object BindObject(IConfigurationSection section, object defaults, Type type, List<string> problems)
    {
        var target = Clone(defaults, type);
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.GetIndexParameters().Length == 0)
            .ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var child in section.GetChildren().OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            if (!properties.TryGetValue(child.Key, out var property))
            {
                problems.Add($"{child.Path}: unknown setting; known here: {string.Join(", ", properties.Keys.Order(StringComparer.Ordinal))}");
                continue;
            }

            if (TryConvert(child, property.PropertyType, property.GetValue(target), problems, out var value))
            {
                property.SetValue(target, value);
            }
        }

        return target;
    }

    private static bool TryConvert(IConfigurationSection section, Type type, object? current, List<string> problems, out object? value)
    {
        value = null;
        if (IsList(type))
        {
            var items = section.Value is { } single ? [single] : section.GetChildren().Select(c => c.Value ?? string.Empty).ToList();
            value = items.ToArray();
            return true;
        }

        var underlying = Nullable.GetUnderlyingType(type);
        if (section.Value is null && current is not null && !IsScalar(type))
        {
            value = BindObject(section, current, type, problems); // partly bound on problems, so later checks still run
            return true;
        }

        var text = section.Value;
        if (underlying is not null && string.IsNullOrEmpty(text))
        {
            return true; // null
        }

        var target = underlying ?? type;
        if (text is not null && TryParseScalar(text, target, out value))
        {
            return true;
        }

        problems.Add($"{section.Path}: '{text}' is not {Describe(target)}");
        return false;
    }

    private static bool TryParseScalar(string text, Type type, out object? value)
    {
        value = null;
        if (type == typeof(string))
        {
            value = text;
            return true;
        }

        if (type == typeof(int) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i))
        {
            value = i;
            return true;
        }

        if (type == typeof(double) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            value = d;
            return true;
        }

        if (type == typeof(bool) && bool.TryParse(text, out var b))
        {
            value = b;
            return true;
        }

        if (type == typeof(TimeSpan) && Durations.TryParse(text, out var t))
        {
            value = t;
            return true;
        }

        return false;
    }

    private static string Describe(Type type) => type switch
    {
        _ when type == typeof(int) => "a whole number",
        _ when type == typeof(double) => "a number",
        _ when type == typeof(bool) => "true or false",
        _ when type == typeof(TimeSpan) => "a duration (30, 500ms, 30s, 2m, 1h or 00:00:30)",
        _ => type.Name,
    };

    private static bool IsScalar(Type type) =>
        type.IsPrimitive || type == typeof(string) || type == typeof(TimeSpan) || Nullable.GetUnderlyingType(type) is not null;

    private static bool IsList(Type type) =>
        type != typeof(string) && type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>);

    private static object Clone(object source, Type type) =>
        type.GetMethod("<Clone>$")?.Invoke(source, null) ?? throw new InvalidOperationException($"{type.Name} is not a record");
}
