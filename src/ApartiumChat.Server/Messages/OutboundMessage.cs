using System.Buffers;
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
    private static readonly byte[] TimeKey = Encoding.UTF8.GetBytes(IrcTagNames.Time);
    private static readonly byte[] SequenceKey = Encoding.UTF8.GetBytes(IrcTagNames.ApartiumSequence);

    private const ClientCapabilities Tagged = ClientCapabilities.MessageTags | ClientCapabilities.ServerTime;

    // A chat message's line as history stores it (all tags), and where its untagged form starts:
    // the two encodings nearly every recipient wants, without an array of their own.
    private ReadOnlyMemory<byte> _stored;
    private int _untaggedStart;

    // Encodings built on demand, by index (message-tags ? 1 : 0) | (server-time ? 2 : 0).
    private byte[]? _untagged;
    private byte[]? _tagsOnly;
    private byte[]? _timeOnly;
    private byte[]? _allTags;

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
        if (!_stored.IsEmpty && index is 0 or 3)
        {
            return index == 0 ? _stored[_untaggedStart..] : _stored;
        }

        ref var slot = ref Slot(index);
        return Volatile.Read(ref slot) ?? Cache(ref slot, capabilities);
    }

    /// <summary>
    /// Writes the line with every tag (time, msgid, sequence, client tags), CRLF included, as
    /// history stores it; returns its length, and where the untagged line starts within it.
    /// </summary>
    internal int WriteTagged(Span<byte> destination, out int untaggedStart)
    {
        var line = EncodeInto(destination, Tagged, []);
        untaggedStart = line.IndexOf((byte)' ') + 1; // server-time: the line always starts with tags
        return line.Length;
    }

    /// <summary>
    /// Hands the message the line history stored for it (see <see cref="WriteTagged"/>), to be
    /// sent as is. Called once, before the message is shared with any other thread.
    /// </summary>
    internal void UseStored(ReadOnlyMemory<byte> line, int untaggedStart)
    {
        _stored = line;
        _untaggedStart = untaggedStart;
    }

    /// <summary>A message as history gives it back: rebuilt from its stored line (see <see cref="WriteTagged"/>).</summary>
    internal static OutboundMessage Restore(ReadOnlyMemory<byte> line, int untaggedStart, DateTimeOffset time, long originSessionId, long sequence)
    {
        if (!IrcMessage.TryParse(line.Span, out var parsed, out var error))
        {
            throw new InvalidOperationException($"A stored history line does not parse ({error.Describe()})");
        }

        string? msgId = null;
        List<KeyValuePair<string, string>>? clientTags = null;
        foreach (var tag in parsed.Tags)
        {
            if (tag.IsClientOnly)
            {
                (clientTags ??= []).Add(new(tag.Key, tag.Value));
            }
            else if (tag.Key == IrcTagNames.MsgId)
            {
                msgId = tag.Value;
            }
        }

        var message = new OutboundMessage(parsed.Source, parsed.Command, parsed.Params, time, msgId, clientTags, originSessionId, sequence);
        message.UseStored(line, untaggedStart);
        return message;
    }

    /// <summary>
    /// The line with extra per-recipient tags (label, batch, duplicate marker). Not cached:
    /// used for echoes, labeled responses and history replay, not for fan-out.
    /// </summary>
    public byte[] Encode(ClientCapabilities capabilities, ReadOnlySpan<KeyValuePair<string, string?>> extraTags)
    {
        // Rented, not stackalloc'd: zeroing 8.5 KiB of stack per line showed in the profile.
        var scratch = ArrayPool<byte>.Shared.Rent(IrcLineLimits.DefaultMaxLineLength);
        var line = EncodeInto(scratch, capabilities, extraTags).ToArray();
        ArrayPool<byte>.Shared.Return(scratch);
        return line;
    }

    private ReadOnlySpan<byte> EncodeInto(Span<byte> scratch, ClientCapabilities capabilities, ReadOnlySpan<KeyValuePair<string, string?>> extraTags)
    {
        try
        {
            return Build(scratch, capabilities, extraTags, withClientTags: true);
        }
        catch (IrcLineTooLongException)
        {
            // Client tags are the part we may drop; the message itself must get through.
            return Build(scratch, capabilities, extraTags, withClientTags: false);
        }
    }

    private ref byte[]? Slot(int index)
    {
        switch (index)
        {
            case 0: return ref _untagged;
            case 1: return ref _tagsOnly;
            case 2: return ref _timeOnly;
            default: return ref _allTags;
        }
    }

    private byte[] Cache(ref byte[]? slot, ClientCapabilities capabilities)
    {
        var encoded = Encode(capabilities, []);
        return Interlocked.CompareExchange(ref slot, encoded, null) ?? encoded;
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

        // Time and sequence are formatted straight into bytes: no string per message.
        if (capabilities.HasFlag(ClientCapabilities.ServerTime))
        {
            Span<byte> time = stackalloc byte[32];
            ServerTime.TryFormat(Time, time, out var written);
            builder.Tag(TimeKey, time[..written]);
        }

        if (tags && MsgId is not null)
        {
            builder.Tag(IrcTagNames.MsgId, MsgId);
        }

        if (tags && Sequence > 0)
        {
            Span<byte> digits = stackalloc byte[20];
            Sequence.TryFormat(digits, out var written, default, System.Globalization.CultureInfo.InvariantCulture);
            builder.Tag(SequenceKey, digits[..written]);
        }

        if (tags && withClientTags)
        {
            for (var i = 0; i < ClientTags.Count; i++)
            {
                builder.Tag(ClientTags[i].Key, ClientTags[i].Value);
            }
        }

        if (Source is not null)
        {
            builder.Source(Source);
        }

        builder.Command(Command);
        for (var i = 0; i < Parameters.Count; i++)
        {
            builder.Param(Parameters[i]); // by index: foreach over the interface allocates an enumerator
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
