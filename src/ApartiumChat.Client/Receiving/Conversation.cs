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

    public bool Replaying { get; set; }

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
