using System.Text.Unicode;

namespace ApartiumChat.Protocol;

/// <summary>Tags: <c>@key=escaped-value;key2 </c>.</summary>
public ref partial struct IrcMessageBuilder
{
    /// <summary>Adds a tag; <paramref name="value"/> is UTF-8, unescaped (empty for a tag without value).</summary>
    public void Tag(scoped ReadOnlySpan<byte> key, scoped ReadOnlySpan<byte> value = default)
    {
        if (value.Contains((byte)0) || !Utf8.IsValid(value))
        {
            throw new InvalidIrcMessageException("A tag value contains a NUL or is not valid UTF-8.");
        }

        BeginTag(key);
        if (!value.IsEmpty)
        {
            var escapedLength = TagValue.GetEscapedLength(value);
            var destination = Reserve(1 + escapedLength);
            destination[0] = (byte)'=';
            TagValue.EscapeCore(value, destination[1..]);
            _length += 1 + escapedLength;
        }
    }

    /// <summary>Adds a tag; <paramref name="value"/> is unescaped (empty or null for a tag without value).</summary>
    public void Tag(string key, string? value = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (value is not null && value.Contains('\0', StringComparison.Ordinal))
        {
            throw new InvalidIrcMessageException($"The value of tag '{key}' contains a NUL.");
        }

        BeginTag(key);
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        Append((byte)'=');
        var start = _length;
        var length = AppendUtf8(value, MessagePart.TagValue(key));
        var escapedLength = length + TagValue.CountSpecials(_buffer.Slice(start, length));
        Reserve(escapedLength - length);
        _length = start + TagValue.EscapeInPlace(_buffer[start..], length, escapedLength);
    }

    /// <summary>
    /// Adds a tag whose value is already escaped as on the wire, e.g. a client-only tag
    /// relayed from an <see cref="IrcLine"/> (<see cref="IrcLineTag.RawValue"/>).
    /// </summary>
    public void EscapedTag(scoped ReadOnlySpan<byte> key, scoped ReadOnlySpan<byte> escapedValue)
    {
        if (escapedValue.ContainsAny(Grammar.ForbiddenBytes) || escapedValue.ContainsAny((byte)' ', (byte)';')
            || !Utf8.IsValid(escapedValue))
        {
            throw new InvalidIrcMessageException("An escaped tag value contains a space, ';', CR, LF or NUL, or is not valid UTF-8.");
        }

        BeginTag(key);
        if (!escapedValue.IsEmpty)
        {
            Append((byte)'=');
            Append(escapedValue);
        }
    }

    private void BeginTag(scoped ReadOnlySpan<byte> key)
    {
        StartTag(Grammar.IsValidTagKey(key));
        Append(key);
    }

    private void BeginTag(scoped ReadOnlySpan<char> key)
    {
        StartTag(Grammar.IsValidTagKey(key));
        var destination = Reserve(key.Length);
        for (var i = 0; i < key.Length; i++)
        {
            destination[i] = (byte)key[i]; // a valid key is ASCII
        }

        _length += key.Length;
    }

    private void StartTag(bool validKey)
    {
        Expect(Stage.Tags, "a tag");
        if (!validKey)
        {
            throw new InvalidIrcMessageException("Invalid tag key: expected ['+'][vendor/]name of letters, digits, '-', '.', '/'.");
        }

        var separator = _stage == Stage.Empty ? (byte)'@' : (byte)';';
        _stage = Stage.Tags;
        Append(separator);
    }
}
