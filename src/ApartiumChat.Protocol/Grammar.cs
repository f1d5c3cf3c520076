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

    private const string Letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private const string TagKeyCharacters = Letters + "0123456789-./";

    private static readonly SearchValues<byte> LetterBytes = SearchValues.Create(Encoding.ASCII.GetBytes(Letters));
    private static readonly SearchValues<char> LetterChars = SearchValues.Create(Letters);
    private static readonly SearchValues<byte> TagKeyBytes = SearchValues.Create(Encoding.ASCII.GetBytes(TagKeyCharacters));
    private static readonly SearchValues<char> TagKeyChars = SearchValues.Create(TagKeyCharacters);

    /// <summary>A command is one or more ASCII letters, or exactly three digits.</summary>
    public static bool IsValidCommand(ReadOnlySpan<byte> command)
        => IsThreeDigits(command) || (!command.IsEmpty && !command.ContainsAnyExcept(LetterBytes));

    /// <inheritdoc cref="IsValidCommand(ReadOnlySpan{byte})"/>
    public static bool IsValidCommand(ReadOnlySpan<char> command)
        => IsThreeDigits(command) || (!command.IsEmpty && !command.ContainsAnyExcept(LetterChars));

    /// <summary>
    /// A tag key is <c>['+'] [vendor '/'] name</c>; we accept a non-empty run of
    /// letters, digits, '-', '.' and '/' after the optional '+', not ending with '/'.
    /// </summary>
    public static bool IsValidTagKey(ReadOnlySpan<byte> key)
    {
        key = !key.IsEmpty && key[0] == '+' ? key[1..] : key;
        return !key.IsEmpty && key[^1] != '/' && !key.ContainsAnyExcept(TagKeyBytes);
    }

    /// <inheritdoc cref="IsValidTagKey(ReadOnlySpan{byte})"/>
    public static bool IsValidTagKey(ReadOnlySpan<char> key)
    {
        key = !key.IsEmpty && key[0] == '+' ? key[1..] : key;
        return !key.IsEmpty && key[^1] != '/' && !key.ContainsAnyExcept(TagKeyChars);
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

    private static bool IsThreeDigits<T>(ReadOnlySpan<T> command)
        where T : unmanaged, IBinaryInteger<T>
        => command.Length == 3 && IsDigit(command[0]) && IsDigit(command[1]) && IsDigit(command[2]);

    private static bool IsDigit<T>(T unit)
        where T : unmanaged, IBinaryInteger<T>
        => uint.CreateTruncating(unit) - '0' <= 9;
}
