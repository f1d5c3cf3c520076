namespace ApartiumChat.Protocol;

/// <summary>
/// A message that is valid but longer than the <see cref="IrcLineLimits"/> allow. A server
/// that relays user text can catch this one apart and shorten the text.
/// </summary>
public sealed class IrcLineTooLongException : InvalidIrcMessageException
{
    public IrcLineTooLongException()
    {
    }

    public IrcLineTooLongException(string message)
        : base(message)
    {
    }

    public IrcLineTooLongException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
