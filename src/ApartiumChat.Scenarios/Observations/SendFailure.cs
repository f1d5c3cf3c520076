namespace ApartiumChat.Scenarios.Observations;

/// <summary>Why the client library gave up on a send.</summary>
public enum SendFailure
{
    OutboxFull,
    Timeout,
    Other,
}
