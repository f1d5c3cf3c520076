using System.Text;
using System.Text.Json;

namespace ApartiumChat.Scenarios.Loading;

/// <summary>
/// Reads scenario JSON into <see cref="SourceNode"/>s with paths and line numbers, with
/// Utf8JsonReader: strict JSON (no comments, no trailing commas), a UTF-8 byte-order mark
/// tolerated, duplicate fields refused.
/// </summary>
internal sealed class SourceParser
{
    private const int MaxDepth = 64;

    private readonly byte[] _utf8;
    private readonly int[] _lineStarts;
    private readonly List<ScenarioError> _errors = [];
    private string _path = "$";
    private int _line = 1;

    private SourceParser(byte[] utf8)
    {
        _utf8 = utf8;
        var starts = new List<int> { 0 };
        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\n')
            {
                starts.Add(i + 1);
            }
        }

        _lineStarts = [.. starts];
    }

    /// <summary>The root value, or null with the syntax error (and any duplicate fields found before it).</summary>
    public static SourceNode? Parse(byte[] utf8, out IReadOnlyList<ScenarioError> errors)
    {
        var start = utf8.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? 3 : 0;
        var parser = new SourceParser(utf8);
        var root = parser.ParseDocument(start);
        errors = parser._errors;
        return root;
    }

    private SourceNode? ParseDocument(int start)
    {
        if (_utf8.AsSpan(start).IndexOfAnyExcept(" \t\r\n"u8) < 0)
        {
            _errors.Add(new ScenarioError("$", 1, "the file holds no JSON; allowed: a JSON object"));
            return null;
        }

        var reader = new Utf8JsonReader(
            _utf8.AsSpan(start),
            new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, AllowTrailingCommas = false, MaxDepth = MaxDepth });
        try
        {
            reader.Read();
            var root = ReadValue(ref reader, "$", start);
            // Reading past the root surfaces trailing garbage as a syntax error.
            while (reader.Read())
            {
            }

            return root;
        }
        catch (JsonException e)
        {
            var line = (int)(e.LineNumber ?? 0) + 1;
            var column = (int)(e.BytePositionInLine ?? 0) + 1;
            _errors.Add(new ScenarioError(_path, line, $"malformed JSON at column {column}: {ReaderReason(e.Message)}; allowed: standard JSON (no comments, no trailing commas)"));
            return null;
        }
        catch (InvalidOperationException)
        {
            // GetString refuses escapes that make no valid text, such as a lone "\uD800".
            _errors.Add(new ScenarioError(_path, _line, "malformed JSON: a string holds an escape that is not valid text; allowed: standard JSON text"));
            return null;
        }
    }

    private SourceNode ReadValue(ref Utf8JsonReader reader, string path, int offset)
    {
        _path = path;
        var line = LineOf(offset + (int)reader.TokenStartIndex);
        _line = line;
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var obj = new SourceObject(path, line);
                var seen = new Dictionary<string, int>(StringComparer.Ordinal);
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var nameLine = LineOf(offset + (int)reader.TokenStartIndex);
                    _line = nameLine;
                    var name = reader.GetString() ?? "";
                    var childPath = PathOf(path, name);
                    reader.Read();
                    var value = ReadValue(ref reader, childPath, offset);
                    if (seen.TryGetValue(name, out var firstLine))
                    {
                        _errors.Add(new ScenarioError(childPath, nameLine, $"appears twice (first on line {firstLine}); allowed: each field once"));
                        continue;
                    }

                    seen[name] = nameLine;
                    obj.Properties.Add(new SourceProperty(name, nameLine, value));
                }

                return obj;
            case JsonTokenType.StartArray:
                var array = new SourceArray(path, line);
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    array.Items.Add(ReadValue(ref reader, $"{path}[{array.Items.Count}]", offset));
                }

                return array;
            case JsonTokenType.String:
                return new SourceScalar(path, line, JsonTokenType.String, reader.GetString() ?? "");
            case JsonTokenType.Number:
                return new SourceScalar(path, line, JsonTokenType.Number, Encoding.UTF8.GetString(reader.ValueSpan));
            default:
                return new SourceScalar(path, line, reader.TokenType, reader.TokenType.ToString().ToLowerInvariant());
        }
    }

    /// <summary><c>$.faults</c>, or <c>$['odd name']</c> for names that are not plain identifiers.</summary>
    public static string PathOf(string parent, string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '$') && !char.IsAsciiDigit(name[0])
            ? $"{parent}.{name}"
            : $"{parent}['{name.Replace("'", "\\'", StringComparison.Ordinal)}']";

    private int LineOf(int byteOffset)
    {
        var index = Array.BinarySearch(_lineStarts, byteOffset);
        return (index >= 0 ? index : ~index - 1) + 1;
    }

    /// <summary>The reader's message without its "LineNumber: ... | BytePositionInLine: ..." tail, which the error already says.</summary>
    private static string ReaderReason(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var reason = (cut >= 0 ? message[..cut] : message).Trim();
        return reason.TrimEnd('.');
    }
}
