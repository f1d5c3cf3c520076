using System.Globalization;
using System.Text.Json;

namespace ApartiumChat.Scenarios.Loading;

/// <summary>
/// A JSON value as it stood in the file: its path and line, so that every problem found later
/// can name both. System.Text.Json's own document model keeps no line numbers.
/// </summary>
internal abstract class SourceNode(string path, int line)
{
    public string Path { get; } = path;

    public int Line { get; } = line;

    /// <summary>How the value reads in an error message: <c>'s7'</c>, <c>2.5</c>, <c>null</c>, <c>an object</c>.</summary>
    public abstract string Describe();
}

internal sealed class SourceObject(string path, int line) : SourceNode(path, line)
{
    public List<SourceProperty> Properties { get; } = [];

    public override string Describe() => "an object";
}

internal sealed record SourceProperty(string Name, int Line, SourceNode Value);

internal sealed class SourceArray(string path, int line) : SourceNode(path, line)
{
    public List<SourceNode> Items { get; } = [];

    public override string Describe() => "a list";
}

internal sealed class SourceScalar(string path, int line, JsonTokenType kind, string text) : SourceNode(path, line)
{
    /// <summary>String, Number, True, False or Null.</summary>
    public JsonTokenType Kind { get; } = kind;

    /// <summary>The string's value, or the number's text as written.</summary>
    public string Text { get; } = text;

    public bool IsString => Kind == JsonTokenType.String;

    public bool IsNumber => Kind == JsonTokenType.Number;

    public bool IsBoolean => Kind is JsonTokenType.True or JsonTokenType.False;

    public override string Describe() => Kind switch
    {
        JsonTokenType.String => "'" + (Text.Length > 40 ? Text[..40] + "..." : Text) + "'",
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        JsonTokenType.Null => "null",
        _ => Text,
    };

    /// <summary>The number as a decimal, if it is a number that fits one.</summary>
    public bool TryGetDecimal(out decimal value)
    {
        value = 0;
        return IsNumber && decimal.TryParse(Text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }
}
