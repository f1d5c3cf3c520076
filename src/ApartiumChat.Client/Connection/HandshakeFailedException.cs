namespace ApartiumChat.Client.Connection;

/// <summary>A registration attempt ended without success, for a stated reason.</summary>
internal sealed class HandshakeFailedException : Exception
{
    public HandshakeFailedException(ConnectFailure failure, string detail)
        : base(detail)
    {
        Failure = failure;
    }

    public HandshakeFailedException()
    {
    }

    public HandshakeFailedException(string message)
        : base(message)
    {
    }

    public HandshakeFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ConnectFailure Failure { get; } = ConnectFailure.Closed;

    /// <summary>Why the resume token was refused, when it was, before the attempt failed.</summary>
    public string? ResumeRefusal { get; init; }
}
