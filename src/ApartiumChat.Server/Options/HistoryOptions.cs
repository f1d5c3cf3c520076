namespace ApartiumChat.Server.Options;

/// <summary>How much chat history the cluster keeps and hands out.</summary>
public sealed record HistoryOptions
{
    public static HistoryOptions Default { get; } = new();

    /// <summary>Messages kept per channel (and per private conversation); the oldest go first. Default 10,000.</summary>
    public int MaxMessagesPerTarget { get; init; } = 10_000;

    /// <summary>Most messages one CHATHISTORY request returns (ISUPPORT CHATHISTORY). Default 100.</summary>
    public int MaxMessagesPerRequest { get; init; } = 100;

    public IEnumerable<string> Validate()
    {
        if (MaxMessagesPerTarget < 1)
        {
            yield return $"History:MaxMessagesPerTarget must be at least 1 (got {MaxMessagesPerTarget})";
        }

        if (MaxMessagesPerRequest < 1 || MaxMessagesPerRequest > MaxMessagesPerTarget)
        {
            yield return $"History:MaxMessagesPerRequest must be from 1 to MaxMessagesPerTarget (got {MaxMessagesPerRequest})";
        }
    }
}
