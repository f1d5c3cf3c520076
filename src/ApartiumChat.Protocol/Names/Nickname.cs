namespace ApartiumChat.Protocol;

/// <summary>
/// What a nick may be. The RFC 2812 grammar, which keeps clear of everything Modern IRC
/// forbids in nicks (space, ',', '*', '?', '!', '@', '.', a leading '#', '&amp;', '$' or ':'):
/// <code>
///   nick    = ( letter / special ) *( letter / digit / special / "-" )
///   special = "[" / "]" / "\" / "`" / "_" / "^" / "{" / "|" / "}"
/// </code>
/// </summary>
public static class Nickname
{
    /// <summary>The default NICKLEN: 30.</summary>
    public const int DefaultMaxLength = 30;

    public static bool IsValid(ReadOnlySpan<char> nick) => IsValid(nick, DefaultMaxLength);

    public static bool IsValid(ReadOnlySpan<char> nick, int maxLength)
    {
        if (nick.IsEmpty || nick.Length > maxLength || !IsLetterOrSpecial(nick[0]))
        {
            return false;
        }

        foreach (var c in nick[1..])
        {
            if (!IsLetterOrSpecial(c) && !char.IsAsciiDigit(c) && c != '-')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsLetterOrSpecial(char c) => char.IsAsciiLetter(c) || c is '[' or ']' or '\\' or '`' or '_' or '^' or '{' or '|' or '}';
}
