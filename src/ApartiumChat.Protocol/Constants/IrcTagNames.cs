namespace ApartiumChat.Protocol;

/// <summary>
/// Tag keys this server reads or writes.
/// </summary>
public static class IrcTagNames
{
    /// <summary>The id of a message, unique across the cluster.</summary>
    public const string MsgId = "msgid";

    /// <summary>server-time: when the server got the message.</summary>
    public const string Time = "time";

    /// <summary>labeled-response: the client's label of a command.</summary>
    public const string Label = "label";

    /// <summary>The batch a message belongs to.</summary>
    public const string Batch = "batch";

    /// <summary>The client's idempotency key of a PRIVMSG or NOTICE.</summary>
    public const string ApartiumIdempotencyKey = "apartium.chat/idem";

    /// <summary>On the echo of a retried message that was not delivered again.</summary>
    public const string ApartiumDuplicate = "apartium.chat/duplicate";

    /// <summary>A chat message's position in its channel's (or conversation's) log: consecutive, so a gap shows a loss.</summary>
    public const string ApartiumSequence = "apartium.chat/seq";
}
