namespace ApartiumChat.Protocol;

/// <summary>
/// A message that cannot be put on the wire: a CR, LF or NUL, a space or leading ':' in a
/// middle parameter, a bad command or tag key, too many parameters, or a line over the limits.
/// Thrown by <see cref="IrcMessage"/>'s constructor and init accessors, and by the writers.
/// </summary>
public class InvalidIrcMessageException : ArgumentException
{
    public InvalidIrcMessageException()
    {
    }

    public InvalidIrcMessageException(string message)
        : base(message)
    {
    }

    public InvalidIrcMessageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
