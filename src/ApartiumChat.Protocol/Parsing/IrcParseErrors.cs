namespace ApartiumChat.Protocol;

/// <summary>What an <see cref="IrcParseError"/> means, for logs and error replies.</summary>
public static class IrcParseErrors
{
    /// <summary>True for the errors that say the line does not follow the message grammar.</summary>
    public static bool IsMalformed(this IrcParseError error) => error is IrcParseError.ContainsLineBreak
        or IrcParseError.MalformedTags or IrcParseError.MalformedSource
        or IrcParseError.MissingCommand or IrcParseError.InvalidCommand;

    /// <summary>A short English description (a constant string: no allocation).</summary>
    public static string Describe(this IrcParseError error) => error switch
    {
        IrcParseError.None => "no error",
        IrcParseError.TooLong => "the line is too long",
        IrcParseError.InvalidUtf8 => "the line is not valid UTF-8",
        IrcParseError.ContainsNul => "the line contains a NUL byte",
        IrcParseError.ContainsLineBreak => "the line contains a CR or LF",
        IrcParseError.MalformedTags => "the message tags are malformed",
        IrcParseError.MalformedSource => "the source (prefix) is empty",
        IrcParseError.MissingCommand => "the line has no command",
        IrcParseError.InvalidCommand => "the command is neither letters nor a three-digit numeric",
        _ => "unknown error",
    };
}
