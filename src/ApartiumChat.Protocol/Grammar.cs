using System.Buffers;
using System.Numerics;
using System.Text;

namespace ApartiumChat.Protocol;

/// <summary>
/// The rules of the message grammar, shared by the parser, the writer and
/// <see cref="IrcMessage"/> so that whatever one accepts the others accept too.
/// Generic over <c>char</c> (strings) and <c>byte</c> (UTF-8 on the wire): every rule is
/// about ASCII characters, which are the same code units in both.
/// </summary>
internal static class Grammar
{
    /// <summary>Modern IRC: at most 15 parameters.</summary>
    public const int MaxParams = 15;

    /// <summary>Bytes that may appear nowhere in a line (its terminator aside).</summary>
    public static readonly SearchValues<byte> ForbiddenBytes = SearchValues.Create("\0\r\n"u8);

    public static readonly SearchValues<char> ForbiddenChars = SearchValues.Create("\0\r\n");

    /// <summary>A command is one or more ASCII letters, or exactly three digits.</summary>
    public static bool IsValidCommand<T>(ReadOnlySpan<T> command)
        where T : unmanaged, IBinaryInteger<T>
    {
        if (command.IsEmpty)
        {
            return false;
        }

        if (command.Length == 3 && IsDigit(command[0]) && IsDigit(command[1]) && IsDigit(command[2]))
        {
            return true;
        }

        foreach (var unit in command)
        {
            var c = uint.CreateTruncating(unit);
            if ((c | 0x20) - 'a' > 'z' - 'a')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A tag key is <c>['+'] [vendor '/'] name</c>; we accept a non-empty run of
    /// letters, digits, '-', '.' and '/' after the optional '+', not ending with '/'.
    /// </summary>
    public static bool IsValidTagKey<T>(ReadOnlySpan<T> key)
        where T : unmanaged, IBinaryInteger<T>
    {
        if (!key.IsEmpty && uint.CreateTruncating(key[0]) == '+')
        {
            key = key[1..];
        }

        if (key.IsEmpty || uint.CreateTruncating(key[^1]) == '/')
        {
            return false;
        }

        foreach (var unit in key)
        {
            var c = uint.CreateTruncating(unit);
            var ok = (c | 0x20) - 'a' <= 'z' - 'a' || c - '0' <= 9 || c == '-' || c == '.' || c == '/';
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A middle parameter is non-empty, holds no space and does not start with ':'.</summary>
    public static bool IsMiddleParam<T>(ReadOnlySpan<T> param)
        where T : unmanaged, IBinaryInteger<T>
        => !param.IsEmpty && uint.CreateTruncating(param[0]) != ':' && param.IndexOf(T.CreateTruncating(' ')) < 0;

    /// <summary>True when the string is well-formed UTF-16 (no lone surrogate), so it encodes to UTF-8 exactly.</summary>
    public static bool IsValidUtf16(ReadOnlySpan<char> text)
    {
        var first = text.IndexOfAnyInRange('\uD800', '\uDFFF');
        if (first < 0)
        {
            return true;
        }

        var rest = text[first..];
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out _, out var consumed) != OperationStatus.Done)
            {
                return false;
            }

            rest = rest[consumed..];
        }

        return true;
    }

    private static bool IsDigit<T>(T unit)
        where T : unmanaged, IBinaryInteger<T>
        => uint.CreateTruncating(unit) - '0' <= 9;
}
