using ApartiumChat.Client.Connection;
using ApartiumChat.Protocol;

namespace ApartiumChat.Client.Receiving;

/// <summary>
/// What the client knows of one channel or private conversation: the last message it saw
/// (where a replay starts), the msgids it delivered lately (so none is delivered twice), and
/// during a replay the live messages held back until the replay is done (so each sender's
/// messages stay in order).
/// <code>
///   reconnect: Replaying = true ---CHATHISTORY AFTER last---> pages ... short page
///              live messages meanwhile -> Held                        |
///              deliver the pages, then Held minus what the pages had &lt;+  Replaying = false
/// </code>
/// </summary>
internal sealed class Conversation
{
    private string? _checkpointMsgId;
    private DateTimeOffset? _checkpointTime;

    public Conversation(string name, bool isChannel, int deduplicationWindow)
    {
        Name = name;
        IsChannel = isChannel;
        Recent = new RecentIds(deduplicationWindow);
    }

    /// <summary>The channel, or the other nick, as last seen.</summary>
    public string Name { get; set; }

    public bool IsChannel { get; }

    /// <summary>The msgid of the last message seen in log order, if any.</summary>
    public string? LastMsgId { get; set; }

    /// <summary>The server time of the last message seen, if known.</summary>
    public DateTimeOffset? LastTime { get; set; }

    /// <summary>When the client joined the channel (where a replay starts when no message was seen yet).</summary>
    public DateTimeOffset? JoinedAt { get; set; }

    public RecentIds Recent { get; }

    /// <summary>Messages delivered since the last checkpoint.</summary>
    public int DeliveredSinceCheckpoint { get; set; }

    /// <summary>
    /// Marks what has been seen so far as safe: a heartbeat answer arrived after it with none
    /// missing, so no line before it was lost.
    /// </summary>
    public void Checkpoint()
    {
        _checkpointMsgId = LastMsgId;
        _checkpointTime = LastTime;
        DeliveredSinceCheckpoint = 0;
    }

    /// <summary>
    /// After the link lost data: the next replay starts from the last safe point, so a hole
    /// before messages that did arrive is filled too. Not beyond what the deduplication window
    /// remembers, or the replay would deliver some messages twice.
    /// </summary>
    public void RollBack(int deduplicationWindow)
    {
        if (DeliveredSinceCheckpoint <= deduplicationWindow)
        {
            LastMsgId = _checkpointMsgId ?? LastMsgId;
            LastTime = _checkpointTime ?? LastTime;
        }

        DeliveredSinceCheckpoint = 0;
    }

    public bool Replaying { get; set; }

    /// <summary>Live messages waiting for verification (they keep later ones behind them).</summary>
    public int Unverified { get; set; }

    /// <summary>The connection the replay runs on.</summary>
    public ServerConnection? ReplayConnection { get; set; }

    /// <summary>Whether the current request asked by msgid (a refusal then falls back to time).</summary>
    public bool AskedByMsgId { get; set; }

    public List<(ServerConnection Connection, IrcMessage Message)> Held { get; } = [];

    /// <summary>The msgid of the last message a replay returned.</summary>
    public string? LastReplayed { get; set; }

    public int Replayed { get; set; }

    public HistoryOutcome Outcome { get; set; }

    public string? OutcomeDetail { get; set; }
}
