namespace ApartiumChat.Protocol;

/// <summary>What <see cref="IrcLineReader.TryReadLine"/> found.</summary>
public enum IrcLineStatus
{
    /// <summary>No complete line: read more, then call again with what is left.</summary>
    NeedMoreData,

    /// <summary>A line (without its line ending) was read and consumed.</summary>
    Line,

    /// <summary>
    /// A line over the limits was found and dropped (a server answers 417 ERR_INPUTTOOLONG).
    /// Reported once per line; its remaining bytes are skipped up to the next LF as they come.
    /// </summary>
    TooLong,
}
