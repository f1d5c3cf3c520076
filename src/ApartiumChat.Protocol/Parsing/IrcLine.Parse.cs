using System.Text.Unicode;

namespace ApartiumChat.Protocol;

/// <summary>
/// The parser. Modern IRC grammar, tolerant where real peers are sloppy (several spaces
/// between parameters, trailing spaces), strict where it matters to a server:
/// <code>
///   line    = ['@' tags SPACE+] [':' source SPACE+] command *(SPACE+ param) *SPACE
///   command = 1*letter / 3digit
///   param   = middle (no space, not starting with ':') / ':' trailing (anything)
/// </code>
/// The 15th parameter takes the rest of the line, as in RFC 2812 (the ':' is then optional).
/// </summary>
public ref partial struct IrcLine
{
    /// <summary>
    /// Parses one line (without its line ending). Never throws: any bytes give either a
    /// parsed line or an <see cref="IrcParseError"/>.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> line, out IrcLine parsed, out IrcParseError error)
    {
        parsed = default;
        error = CheckBytes(line);
        if (error != IrcParseError.None)
        {
            return false;
        }

        parsed._line = line;
        error = parsed.ParseStructure();
        if (error != IrcParseError.None)
        {
            parsed = default;
            return false;
        }

        return true;
    }

    private static IrcParseError CheckBytes(ReadOnlySpan<byte> line)
    {
        if (line.ContainsAny(Grammar.ForbiddenBytes))
        {
            return line.Contains((byte)0) ? IrcParseError.ContainsNul : IrcParseError.ContainsLineBreak;
        }

        return Utf8.IsValid(line) ? IrcParseError.None : IrcParseError.InvalidUtf8;
    }

    private IrcParseError ParseStructure()
    {
        var line = _line;
        var position = 0;
        if (!line.IsEmpty && line[0] == '@')
        {
            var end = IndexOfSpace(line, 1);
            if (end < 0)
            {
                return IrcParseError.MissingCommand;
            }

            _tags = new LineSegment(1, end - 1);
            _hasTags = true;
            if (!AreTagsValid(RawTags))
            {
                return IrcParseError.MalformedTags;
            }

            position = SkipSpaces(line, end);
        }

        if (position < line.Length && line[position] == ':')
        {
            var end = IndexOfSpace(line, position + 1);
            if (end < 0)
            {
                return line.Length == position + 1 ? IrcParseError.MalformedSource : IrcParseError.MissingCommand;
            }

            if (end == position + 1)
            {
                return IrcParseError.MalformedSource;
            }

            _source = new LineSegment(position + 1, end - position - 1);
            _hasSource = true;
            position = SkipSpaces(line, end);
        }

        var commandEnd = IndexOfSpace(line, position);
        commandEnd = commandEnd < 0 ? line.Length : commandEnd;
        if (commandEnd == position)
        {
            return IrcParseError.MissingCommand;
        }

        _command = new LineSegment(position, commandEnd - position);
        if (!Grammar.IsValidCommand(Command))
        {
            return IrcParseError.InvalidCommand;
        }

        ParseParams(SkipSpaces(line, commandEnd));
        return IrcParseError.None;
    }

    private void ParseParams(int position)
    {
        var line = _line;
        while (position < line.Length)
        {
            if (line[position] == ':')
            {
                _params[_paramCount++] = new LineSegment(position + 1, line.Length - position - 1);
                return;
            }

            if (_paramCount == Grammar.MaxParams - 1)
            {
                _params[_paramCount++] = new LineSegment(position, line.Length - position);
                return;
            }

            var end = IndexOfSpace(line, position);
            end = end < 0 ? line.Length : end;
            _params[_paramCount++] = new LineSegment(position, end - position);
            position = SkipSpaces(line, end);
        }
    }

    private static bool AreTagsValid(ReadOnlySpan<byte> tags)
    {
        if (tags.IsEmpty)
        {
            return false;
        }

        foreach (var range in tags.Split((byte)';'))
        {
            var tag = tags[range];
            var equals = tag.IndexOf((byte)'=');
            if (!Grammar.IsValidTagKey(equals < 0 ? tag : tag[..equals]))
            {
                return false;
            }
        }

        return true;
    }

    private static int IndexOfSpace(ReadOnlySpan<byte> line, int from)
    {
        var at = line[from..].IndexOf((byte)' ');
        return at < 0 ? -1 : from + at;
    }

    private static int SkipSpaces(ReadOnlySpan<byte> line, int from)
    {
        var at = line[from..].IndexOfAnyExcept((byte)' ');
        return at < 0 ? line.Length : from + at;
    }
}
