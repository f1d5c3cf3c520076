namespace ApartiumChat.Protocol;

/// <summary>
/// Why a line is not a message. Every input maps to one of these values: the parser and the
/// framing never throw on what a peer sends.
/// </summary>
public enum IrcParseError
{
    /// <summary>The line is a message.</summary>
    None = 0,

    /// <summary>The line is over the limits of <see cref="IrcLineLimits"/> (a server answers 417 ERR_INPUTTOOLONG).</summary>
    TooLong,

    /// <summary>The line is not valid UTF-8 (a server answers <c>FAIL * INVALID_UTF8</c>).</summary>
    InvalidUtf8,

    /// <summary>The line holds a NUL byte.</summary>
    ContainsNul,

    /// <summary>A CR or LF inside the line (framing splits on LF, so this is a stray CR).</summary>
    ContainsLineBreak,

    /// <summary>The tags part is empty, or has an empty or invalid key.</summary>
    MalformedTags,

    /// <summary>The source after ':' is empty.</summary>
    MalformedSource,

    /// <summary>No command: the line ends (or is blank) after its tags or source.</summary>
    MissingCommand,

    /// <summary>The command is neither letters nor three digits.</summary>
    InvalidCommand,
}
