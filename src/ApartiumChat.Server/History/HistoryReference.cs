namespace ApartiumChat.Server.History;

/// <summary>A point in a history log: a message id, or a time.</summary>
public sealed record HistoryReference
{
    private HistoryReference(string? msgId, DateTimeOffset? time)
    {
        MsgId = msgId;
        Time = time;
    }

    public string? MsgId { get; }

    public DateTimeOffset? Time { get; }

    public static HistoryReference ForMsgId(string msgId) => new(msgId, null);

    public static HistoryReference ForTime(DateTimeOffset time) => new(null, time);

    public override string ToString() => MsgId is not null ? $"msgid={MsgId}" : $"timestamp={Time:O}";
}
