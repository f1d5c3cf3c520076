using System.Text;

namespace ApartiumChat.Protocol;

/// <summary>
/// A parsed line, as views into its bytes: nothing is copied or allocated. Valid only while
/// the bytes it was parsed from are (until the next read from the <see cref="IrcLineReader"/>,
/// or the pipe's <c>AdvanceTo</c>). Call <see cref="ToMessage"/> to keep it.
/// <code>
///   @time=...;msgid=abc :ann!a@h PRIVMSG #lobby :hello world
///    |--RawTags-------|  |Source| |Command| |P0-| |P1-------|
/// </code>
/// </summary>
public ref partial struct IrcLine
{
    private ReadOnlySpan<byte> _line;
    private LineSegment _tags;
    private LineSegment _source;
    private LineSegment _command;
    private ParamSegments _params;
    private int _paramCount;
    private bool _hasTags;
    private bool _hasSource;

    /// <summary>The whole line, without its line ending.</summary>
    public readonly ReadOnlySpan<byte> Span => _line;

    public readonly bool HasTags => _hasTags;

    /// <summary>The tags part without '@' and with values still escaped; empty when there are no tags.</summary>
    public readonly ReadOnlySpan<byte> RawTags => _tags.Of(_line);

    public readonly bool HasSource => _hasSource;

    /// <summary>The source without its ':'; empty when there is none.</summary>
    public readonly ReadOnlySpan<byte> Source => _source.Of(_line);

    /// <summary>The command as sent (letters in any case, or three digits).</summary>
    public readonly ReadOnlySpan<byte> Command => _command.Of(_line);

    /// <summary>How many parameters (at most 15).</summary>
    public readonly int ParamCount => _paramCount;

    /// <summary>The parameter at <paramref name="index"/> (the trailing one without its ':').</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="index"/> is not below <see cref="ParamCount"/>.</exception>
    public readonly ReadOnlySpan<byte> Param(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _paramCount);
        return _params[index].Of(_line);
    }

    /// <summary>The parameter at <paramref name="index"/> as a new string.</summary>
    public readonly string ParamString(int index) => Encoding.UTF8.GetString(Param(index));

    /// <summary>True when the command is <paramref name="command"/>, ignoring ASCII case.</summary>
    public readonly bool IsCommand(scoped ReadOnlySpan<byte> command) => Ascii.EqualsIgnoreCase(Command, command);

    /// <summary>True when the command is <paramref name="command"/>, ignoring ASCII case.</summary>
    public readonly bool IsCommand(scoped ReadOnlySpan<char> command) => Ascii.EqualsIgnoreCase(Command, command);
}
