namespace ApartiumChat.Transport;

/// <summary>The peer reset the connection (TCP RST), or it was aborted locally.</summary>
public sealed class ConnectionResetException : IOException
{
    public ConnectionResetException()
        : base("The connection was reset by the peer.")
    {
    }

    public ConnectionResetException(string message)
        : base(message)
    {
    }

    public ConnectionResetException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
