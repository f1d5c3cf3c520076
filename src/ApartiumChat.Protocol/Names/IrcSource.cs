namespace ApartiumChat.Protocol;

/// <summary>
/// The parts of a message source <c>nick!user@host</c>. The user and the host may be
/// missing (null); a server name reads as a nick (<c>irc.example.com</c> has no '!' or '@').
/// </summary>
public readonly record struct IrcSource(string Nick, string? User = null, string? Host = null)
{
    /// <summary>Splits a source: the nick ends at the first '!' or '@', the user at the next '@'.</summary>
    public static IrcSource Parse(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var span = source.AsSpan();
        var nickEnd = span.IndexOfAny('!', '@');
        if (nickEnd < 0)
        {
            return new IrcSource(source);
        }

        var nick = source[..nickEnd];
        if (span[nickEnd] == '@')
        {
            return new IrcSource(nick, null, source[(nickEnd + 1)..]);
        }

        var at = span[(nickEnd + 1)..].IndexOf('@');
        return at < 0
            ? new IrcSource(nick, source[(nickEnd + 1)..])
            : new IrcSource(nick, source.Substring(nickEnd + 1, at), source[(nickEnd + 2 + at)..]);
    }

    /// <summary>The nick part of a source, without allocating.</summary>
    public static ReadOnlySpan<char> NickOf(ReadOnlySpan<char> source)
    {
        var end = source.IndexOfAny('!', '@');
        return end < 0 ? source : source[..end];
    }

    /// <summary>The nick part of a UTF-8 source, without allocating.</summary>
    public static ReadOnlySpan<byte> NickOf(ReadOnlySpan<byte> source)
    {
        var end = source.IndexOfAny((byte)'!', (byte)'@');
        return end < 0 ? source : source[..end];
    }

    /// <summary><c>nick!user@host</c>, leaving out the missing parts.</summary>
    public override string ToString() => (User, Host) switch
    {
        (null, null) => Nick,
        (null, _) => $"{Nick}@{Host}",
        (_, null) => $"{Nick}!{User}",
        _ => $"{Nick}!{User}@{Host}",
    };
}
