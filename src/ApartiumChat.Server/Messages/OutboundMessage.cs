using System.Text;
using ApartiumChat.Protocol;

namespace ApartiumChat.Server.Messages;

/// <summary>
/// One message from the server to clients, built once and written once per capability
/// profile, however many members it fans out to. Chat messages (PRIVMSG, NOTICE, TAGMSG)
/// carry a msgid and live in history; events (JOIN, PART, ...) only carry a time.
/// Immutable once built; the cached encodings make it safe to share across threads.
/// </summary>
public sealed class OutboundMessage
{
    // Index = (message-tags ? 1 : 0) | (server-time ? 2 : 0)
    private readonly byte[]?[] _encoded = new byte[]?[4];

    public OutboundMessage(
        string? source,
        string command,
        IReadOnlyList<string> parameters,
        DateTimeOffset time,
        string? msgId = null,
        IReadOnlyList<KeyValuePair<string, string>>? clientTags = null,
        long originSessionId = 0,
        long sequence = 0)
    {
        Source = source;
        Command = command;
        Parameters = parameters;
        Time = time;
        MsgId = msgId;
        ClientTags = clientTags ?? [];
        OriginSessionId = originSessionId;
        Sequence = sequence;
    }

    public string? Source { get; }

    public string Command { get; }

    public IReadOnlyList<string> Parameters { get; }

    public DateTimeOffset Time { get; }

    /// <summary>The cluster-unique id of a chat message; null for events.</summary>
    public string? MsgId { get; }

    /// <summary>Client-only (<c>+</c>) tags relayed to recipients that negotiated message-tags.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ClientTags { get; }

    /// <summary>The session whose action produced this message; 0 for the server.</summary>
    public long OriginSessionId { get; }

    /// <summary>
    /// A chat message's position in its target's history log (0 for events): consecutive per
    /// channel or conversation, sent as <c>apartium.chat/seq</c>, so a client can tell that a
    /// link lost a message even while the connection stays up.
    /// </summary>
    public long Sequence { get; }

    /// <summary>The line (CRLF included) as a client with these capabilities should see it.</summary>
    public ReadOnlyMemory<byte> EncodedFor(ClientCapabilities capabilities)
    {
        var index = (capabilities.HasFlag(ClientCapabilities.MessageTags) ? 1 : 0)
            | (capabilities.HasFlag(ClientCapabilities.ServerTime) ? 2 : 0);
        return Volatile.Read(ref _encoded[index]) ?? Cache(index, capabilities);
    }

    /// <summary>
    /// The line with extra per-recipient tags (label, batch, duplicate marker). Not cached:
    /// used for echoes, labeled responses and history replay, not for fan-out.
    /// </summary>
    public byte[] Encode(ClientCapabilities capabilities, ReadOnlySpan<KeyValuePair<string, string?>> extraTags)
    {
        Span<byte> scratch = stackalloc byte[IrcLineLimits.DefaultMaxLineLength];
        try
        {
            return Build(scratch, capabilities, extraTags, withClientTags: true).ToArray();
        }
        catch (IrcLineTooLongException)
        {
            // Client tags are the part we may drop; the message itself must get through.
            return Build(scratch, capabilities, extraTags, withClientTags: false).ToArray();
        }
    }

    private byte[] Cache(int index, ClientCapabilities capabilities)
    {
        var encoded = Encode(capabilities, []);
        Interlocked.CompareExchange(ref _encoded[index], encoded, null);
        return _encoded[index]!;
    }

    private ReadOnlySpan<byte> Build(
        Span<byte> scratch,
        ClientCapabilities capabilities,
        ReadOnlySpan<KeyValuePair<string, string?>> extraTags,
        bool withClientTags)
    {
        var builder = new IrcMessageBuilder(scratch);
        var tags = capabilities.HasFlag(ClientCapabilities.MessageTags);
        foreach (var (key, value) in extraTags)
        {
            // Extra tags (label, batch) are protocol tags: they need message-tags, or the
            // capability that defines them, which the caller has checked.
            builder.Tag(key, value);
        }

        if (capabilities.HasFlag(ClientCapabilities.ServerTime))
        {
            builder.Tag(IrcTagNames.Time, ServerTime.Format(Time));
        }

        if (tags && MsgId is not null)
        {
            builder.Tag(IrcTagNames.MsgId, MsgId);
        }

        if (tags && Sequence > 0)
        {
            builder.Tag(IrcTagNames.ApartiumSequence, Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (tags && withClientTags)
        {
            foreach (var (key, value) in ClientTags)
            {
                builder.Tag(key, value);
            }
        }

        if (Source is not null)
        {
            builder.Source(Source);
        }

        builder.Command(Command);
        foreach (var parameter in Parameters)
        {
            builder.Param(parameter);
        }

        return builder.Complete();
    }

    /// <summary>Cuts text so that the relayed line fits the 512-byte limit, at a character boundary.</summary>
    public static string FitText(string text, int maxBytes)
    {
        if (Encoding.UTF8.GetByteCount(text) <= maxBytes)
        {
            return text;
        }

        var end = 0;
        var bytes = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (bytes + rune.Utf8SequenceLength > maxBytes)
            {
                break;
            }

            bytes += rune.Utf8SequenceLength;
            end += rune.Utf16SequenceLength;
        }

        return text[..end];
    }
}
