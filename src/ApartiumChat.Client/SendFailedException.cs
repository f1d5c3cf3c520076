namespace ApartiumChat.Client;

/// <summary>A send was given up (<see cref="HaClient.SendAsync"/>); <see cref="Reason"/> says why.</summary>
public sealed class SendFailedException : Exception
{
    public SendFailedException(SendFailureReason reason, string message)
        : base(message)
    {
        Reason = reason;
    }

    public SendFailedException()
    {
    }

    public SendFailedException(string message)
        : base(message)
    {
    }

    public SendFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SendFailureReason Reason { get; }
}
