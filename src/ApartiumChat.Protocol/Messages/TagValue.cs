using System.Buffers;
using System.Numerics;
using System.Text;

namespace ApartiumChat.Protocol;

/// <summary>
/// Escaping of tag values, as IRCv3 message-tags defines it:
/// <code>
///   value char   ;    space   \     CR    LF
///   on the wire  \:   \s      \\    \r    \n
/// </code>
/// When reading, a backslash before any other character is dropped (<c>\b</c> reads as
/// <c>b</c>) and a lone backslash at the end is dropped, so unescaping never fails.
/// </summary>
public static class TagValue
{
    private static readonly SearchValues<byte> SpecialBytes = SearchValues.Create("; \\\r\n"u8);

    /// <summary>Escapes a value for the wire.</summary>
    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var extra = CountSpecials<char>(value);
        if (extra == 0)
        {
            return value;
        }

        return string.Create(value.Length + extra, value, static (destination, source) =>
            EscapeCore<char>(source, destination));
    }

    /// <summary>Unescapes a value read from the wire.</summary>
    public static string Unescape(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        return raw.Contains('\\', StringComparison.Ordinal) ? Unescape(raw.AsSpan()) : raw;
    }

    /// <summary>Unescapes a value read from the wire.</summary>
    public static string Unescape(ReadOnlySpan<char> raw)
    {
        Span<char> small = stackalloc char[Math.Min(raw.Length, 256)];
        var destination = raw.Length <= small.Length ? small : new char[raw.Length];
        var written = UnescapeCore(raw, destination);
        return new string(destination[..written]);
    }

    /// <summary>Unescapes a UTF-8 value read from the wire into a new string.</summary>
    public static string UnescapeToString(ReadOnlySpan<byte> raw)
    {
        if (raw.IndexOf((byte)'\\') < 0)
        {
            return Encoding.UTF8.GetString(raw);
        }

        Span<byte> small = stackalloc byte[Math.Min(raw.Length, 256)];
        var destination = raw.Length <= small.Length ? small : new byte[raw.Length];
        var written = UnescapeCore(raw, destination);
        return Encoding.UTF8.GetString(destination[..written]);
    }

    /// <summary>
    /// Unescapes a UTF-8 value into <paramref name="destination"/>. The result is never
    /// longer than <paramref name="raw"/>, so a destination that long always suffices.
    /// </summary>
    /// <returns>False (and nothing written) when the destination is too small.</returns>
    public static bool TryUnescape(ReadOnlySpan<byte> raw, Span<byte> destination, out int written)
    {
        if (destination.Length < GetUnescapedLength(raw))
        {
            written = 0;
            return false;
        }

        written = UnescapeCore(raw, destination);
        return true;
    }

    /// <summary>Escapes a UTF-8 value into <paramref name="destination"/>.</summary>
    /// <returns>False (and nothing written) when the destination is too small.</returns>
    public static bool TryEscape(ReadOnlySpan<byte> value, Span<byte> destination, out int written)
    {
        var length = GetEscapedLength(value);
        if (destination.Length < length)
        {
            written = 0;
            return false;
        }

        written = EscapeCore(value, destination);
        return true;
    }

    /// <summary>How many bytes of the value take two on the wire (vectorised search between them).</summary>
    internal static int CountSpecials(ReadOnlySpan<byte> value)
    {
        var count = 0;
        for (var at = value.IndexOfAny(SpecialBytes); at >= 0; at = value.IndexOfAny(SpecialBytes))
        {
            count++;
            value = value[(at + 1)..];
        }

        return count;
    }

    /// <summary>Escapes into a destination known to be long enough, copying the runs between specials.</summary>
    internal static int EscapeCore(ReadOnlySpan<byte> value, Span<byte> destination)
    {
        var written = 0;
        for (var at = value.IndexOfAny(SpecialBytes); at >= 0; at = value.IndexOfAny(SpecialBytes))
        {
            value[..at].CopyTo(destination[written..]);
            written += at;
            destination[written++] = (byte)'\\';
            destination[written++] = (byte)EscapeOf(value[at]);
            value = value[(at + 1)..];
        }

        value.CopyTo(destination[written..]);
        return written + value.Length;
    }

    /// <summary>The length of <paramref name="value"/> once escaped.</summary>
    public static int GetEscapedLength(ReadOnlySpan<byte> value) => value.Length + CountSpecials(value);

    /// <summary>The length of <paramref name="raw"/> once unescaped.</summary>
    public static int GetUnescapedLength(ReadOnlySpan<byte> raw)
    {
        var length = 0;
        for (var i = 0; i < raw.Length; i++, length++)
        {
            if (raw[i] == '\\')
            {
                i++; // the escaped character (or nothing, for a trailing backslash)
                if (i == raw.Length)
                {
                    length--;
                }
            }
        }

        return length;
    }

    /// <summary>How many characters of the value take two on the wire.</summary>
    internal static int CountSpecials<T>(ReadOnlySpan<T> value)
        where T : unmanaged, IBinaryInteger<T>
    {
        var count = 0;
        foreach (var unit in value)
        {
            if (EscapeOf(uint.CreateTruncating(unit)) != 0)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Escapes into a destination known to be long enough.</summary>
    internal static int EscapeCore<T>(ReadOnlySpan<T> value, Span<T> destination)
        where T : unmanaged, IBinaryInteger<T>
    {
        var written = 0;
        foreach (var unit in value)
        {
            var escape = EscapeOf(uint.CreateTruncating(unit));
            if (escape == 0)
            {
                destination[written++] = unit;
            }
            else
            {
                destination[written++] = T.CreateTruncating('\\');
                destination[written++] = T.CreateTruncating(escape);
            }
        }

        return written;
    }

    /// <summary>
    /// Escapes the first <paramref name="length"/> bytes of <paramref name="buffer"/> in place,
    /// working from the end so nothing is overwritten before it is read. The buffer must hold
    /// the escaped length.
    /// </summary>
    internal static int EscapeInPlace(Span<byte> buffer, int length, int escapedLength)
    {
        var write = escapedLength;
        for (var read = length - 1; read >= 0; read--)
        {
            var unit = buffer[read];
            var escape = EscapeOf(unit);
            if (escape == 0)
            {
                buffer[--write] = unit;
            }
            else
            {
                buffer[--write] = (byte)escape;
                buffer[--write] = (byte)'\\';
            }
        }

        return escapedLength;
    }

    /// <summary>Unescapes into a destination at least as long as the source.</summary>
    internal static int UnescapeCore<T>(ReadOnlySpan<T> raw, Span<T> destination)
        where T : unmanaged, IBinaryInteger<T>
    {
        var written = 0;
        var backslash = T.CreateTruncating('\\');
        while (!raw.IsEmpty)
        {
            var at = raw.IndexOf(backslash);
            if (at < 0)
            {
                raw.CopyTo(destination[written..]);
                return written + raw.Length;
            }

            raw[..at].CopyTo(destination[written..]);
            written += at;
            if (at + 1 < raw.Length)
            {
                destination[written++] = UnescapeOf(raw[at + 1]);
            }

            raw = raw[Math.Min(at + 2, raw.Length)..];
        }

        return written;
    }

    private static uint EscapeOf(uint c) => c switch
    {
        ';' => ':',
        ' ' => 's',
        '\\' => '\\',
        '\r' => 'r',
        '\n' => 'n',
        _ => 0,
    };

    private static T UnescapeOf<T>(T escaped)
        where T : unmanaged, IBinaryInteger<T>
        => uint.CreateTruncating(escaped) switch
        {
            ':' => T.CreateTruncating(';'),
            's' => T.CreateTruncating(' '),
            'r' => T.CreateTruncating('\r'),
            'n' => T.CreateTruncating('\n'),
            _ => escaped, // "\\" and unknown escapes: the character itself
        };
}
