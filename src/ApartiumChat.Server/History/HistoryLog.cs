using System.Buffers;
using System.Numerics;
using ApartiumChat.Protocol;
using ApartiumChat.Server.Messages;

namespace ApartiumChat.Server.History;

/// <summary>
/// The bounded, ordered log of one target's messages (a channel, or a private conversation).
/// Entries get consecutive sequence numbers; the oldest are dropped past the capacity.
/// Not thread-safe: the cluster state guards it.
/// </summary>
/// <remarks>
/// <para>
/// Live delivery happens in the same critical section as the append, so delivery order is
/// log order: a client that asks for what came AFTER the last msgid it saw never skips one.
/// </para>
/// <para>
/// A message is kept as its encoded line (every tag included) in a chunk of bytes, with a
/// small record of plain numbers beside it, not as the objects it was built from: a full log
/// holds no object per message for the garbage collector to trace or promote, and the line
/// stored is the line sent (<see cref="OutboundMessage.UseStored"/>). A query rebuilds the
/// messages it returns from their lines.
/// </para>
/// </remarks>
public sealed class HistoryLog
{
    private const int InitialSize = 16;

    // A new chunk is about half the bytes the log holds, a power of two from a quarter KiB (a
    // conversation of one line) to 64 KiB (a busy channel; under the large object heap's
    // threshold): storage beyond the lines held stays within about half of them, or a chunk.
    private const int FirstChunkBytes = 256;
    private const int MaxChunkBytes = 64 * 1024;

    // Sequence by a 64-bit hash of the msgid: no string held per message. A hit is checked
    // against the stored line, so a collision can only make an id unknown, never wrong.
    private readonly Dictionary<ulong, long> _sequenceByMsgIdHash = [];
    private readonly List<byte[]> _chunks = [];
    private readonly int _capacity;
    private Entry[] _ring;
    private long _first = 1; // sequence of the oldest entry held
    private long _next = 1;  // sequence the next entry gets
    private long _firstChunk; // number of the chunk at _chunks[0]
    private int _chunkUsed;   // bytes used in the newest chunk
    private long _heldBytes;  // bytes of the lines held

    public HistoryLog(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;

        // Grown on demand: most channels and conversations never come near the capacity.
        _ring = new Entry[Math.Min(capacity, InitialSize)];
    }

    public int Count => (int)(_next - _first);

    /// <summary>The sequence number the next appended message gets (1 for the first).</summary>
    public long NextSequence => _next;

    /// <summary>The newest entry's time, or null when empty.</summary>
    public DateTimeOffset? LastTime => Count == 0 ? null : TimeOf(At(_next - 1));

    /// <summary>Bytes of line storage held (chunks, used or not): what the log costs beyond its records.</summary>
    public long StoredBytes
    {
        get
        {
            long total = 0;
            foreach (var chunk in _chunks)
            {
                total += chunk.Length;
            }

            return total;
        }
    }

    /// <summary>
    /// Appends a chat message (one with a msgid, the next sequence number, and a time no
    /// earlier than <see cref="LastTime"/>), and hands it the stored line to send.
    /// </summary>
    public void Append(OutboundMessage entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.MsgId is null || (LastTime is { } last && entry.Time < last) || entry.Sequence != _next)
        {
            throw new ArgumentException("History holds chat messages with a msgid and the next sequence number, in time order.", nameof(entry));
        }

        if (Count == _ring.Length && _ring.Length < _capacity)
        {
            Grow();
        }

        if (Count == _ring.Length)
        {
            Evict();
        }

        // Rented, not stackalloc'd: zeroing 8.5 KiB of stack per message showed in the profile.
        var scratch = ArrayPool<byte>.Shared.Rent(IrcLineLimits.DefaultMaxLineLength);
        var length = entry.WriteTagged(scratch, out var untaggedStart);
        var (chunk, offset) = Reserve(length);
        scratch.AsSpan(0, length).CopyTo(_chunks[^1].AsSpan(offset));
        ArrayPool<byte>.Shared.Return(scratch);
        entry.UseStored(_chunks[^1].AsMemory(offset, length), untaggedStart);

        _heldBytes += length;
        var hash = Hash(entry.MsgId);
        _ring[Slot(_next)] = new Entry(entry.Time.UtcTicks, entry.OriginSessionId, hash, chunk, offset, length, untaggedStart);
        _sequenceByMsgIdHash[hash] = _next;
        _next++;
    }

    public bool Contains(string msgId) => Find(msgId) is not null;

    /// <summary>The oldest <paramref name="limit"/> entries after the reference.</summary>
    public IReadOnlyList<OutboundMessage> After(HistoryReference reference, int limit) =>
        Range(StartAfter(reference), _next, limit, newest: false);

    /// <summary>The newest <paramref name="limit"/> entries before the reference, oldest first.</summary>
    public IReadOnlyList<OutboundMessage> Before(HistoryReference reference, int limit) =>
        Range(_first, StartAt(reference), limit, newest: true);

    /// <summary>The newest <paramref name="limit"/> entries, after the reference if one is given.</summary>
    public IReadOnlyList<OutboundMessage> Latest(HistoryReference? reference, int limit) =>
        Range(reference is null ? _first : StartAfter(reference), _next, limit, newest: true);

    /// <summary>Up to <paramref name="limit"/> entries centred on the reference.</summary>
    public IReadOnlyList<OutboundMessage> Around(HistoryReference reference, int limit)
    {
        var centre = StartAt(reference);
        var before = Range(_first, centre, limit / 2, newest: true);
        var after = Range(centre, _next, limit - before.Count, newest: false);
        return [.. before, .. after];
    }

    /// <summary>Entries strictly between two references (either order), at most <paramref name="limit"/>, from the first.</summary>
    public IReadOnlyList<OutboundMessage> Between(HistoryReference from, HistoryReference to, int limit)
    {
        var a = StartAfter(from);
        var b = StartAt(to);
        if (a <= b)
        {
            return Range(a, b, limit, newest: false);
        }

        // Descending request: the entries nearest to 'from' going back.
        return Range(StartAfter(to), StartAt(from), limit, newest: true);
    }

    /// <summary>True if the reference can be resolved (a msgid the log holds, or any timestamp).</summary>
    public bool CanResolve(HistoryReference reference) => reference.MsgId is null || Contains(reference.MsgId);

    // FNV-1a, 64 bits, over the id's UTF-16 code units.
    private static ulong Hash(string msgId)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in msgId)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }

    private static DateTimeOffset TimeOf(in Entry entry) => new(entry.UtcTicks, TimeSpan.Zero);

    private long? Find(string msgId) =>
        _sequenceByMsgIdHash.TryGetValue(Hash(msgId), out var sequence) && Restore(sequence).MsgId == msgId ? sequence : null;

    private IReadOnlyList<OutboundMessage> Range(long from, long to, int limit, bool newest)
    {
        from = Math.Max(from, _first);
        to = Math.Min(to, _next);
        if (limit <= 0 || from >= to)
        {
            return [];
        }

        var count = (int)Math.Min(limit, to - from);
        var start = newest ? to - count : from;
        var result = new OutboundMessage[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = Restore(start + i);
        }

        return result;
    }

    private OutboundMessage Restore(long sequence)
    {
        ref readonly var entry = ref At(sequence);
        var line = _chunks[(int)(entry.Chunk - _firstChunk)].AsMemory(entry.Offset, entry.Length);
        return OutboundMessage.Restore(line, entry.UntaggedStart, TimeOf(entry), entry.OriginSessionId, sequence);
    }

    // First sequence strictly after the reference.
    private long StartAfter(HistoryReference reference) =>
        reference.MsgId is { } id
            ? (Find(id) is { } sequence ? sequence + 1 : _next)
            : FirstWithTimeAbove(reference.Time!.Value.UtcTicks);

    // First sequence at or after the reference (the reference itself for a msgid).
    private long StartAt(HistoryReference reference) =>
        reference.MsgId is { } id
            ? (Find(id) ?? _first)
            : FirstWithTimeAtOrAbove(reference.Time!.Value.UtcTicks);

    private long FirstWithTimeAbove(long utcTicks) => Search(utcTicks, orEqual: false);

    private long FirstWithTimeAtOrAbove(long utcTicks) => Search(utcTicks, orEqual: true);

    // Times never decrease along the log, so the test is monotonic: binary search.
    private long Search(long utcTicks, bool orEqual)
    {
        long low = _first, high = _next;
        while (low < high)
        {
            var mid = low + ((high - low) / 2);
            var time = At(mid).UtcTicks;
            if (time > utcTicks || (orEqual && time == utcTicks))
            {
                high = mid;
            }
            else
            {
                low = mid + 1;
            }
        }

        return low;
    }

    private void Evict()
    {
        ref var oldest = ref _ring[Slot(_first)];
        if (_sequenceByMsgIdHash.TryGetValue(oldest.MsgIdHash, out var sequence) && sequence == _first)
        {
            _sequenceByMsgIdHash.Remove(oldest.MsgIdHash);
        }

        _heldBytes -= oldest.Length;
        oldest = default;
        _first++;

        // Chunks before the one the oldest remaining line is in are done with. (Lines still
        // queued for sending keep their chunk alive until sent: it is only dropped from here.)
        var keepFrom = Count == 0 ? _firstChunk + _chunks.Count - 1 : At(_first).Chunk;
        var drop = (int)(keepFrom - _firstChunk);
        if (drop > 0)
        {
            _chunks.RemoveRange(0, drop);
            _firstChunk += drop;
        }
    }

    // Room for a line in the newest chunk, or a new chunk: (chunk number, offset).
    private (long Chunk, int Offset) Reserve(int length)
    {
        if (_chunks.Count == 0 || _chunks[^1].Length - _chunkUsed < length)
        {
            var size = (int)Math.Clamp(BitOperations.RoundUpToPowerOf2((ulong)Math.Max(1, _heldBytes / 2)), FirstChunkBytes, MaxChunkBytes);
            _chunks.Add(new byte[Math.Max(size, length)]);
            _chunkUsed = 0;
        }

        var offset = _chunkUsed;
        _chunkUsed += length;
        return (_firstChunk + _chunks.Count - 1, offset);
    }

    private void Grow()
    {
        var larger = new Entry[Math.Min(_capacity, _ring.Length * 2)];
        for (var sequence = _first; sequence < _next; sequence++)
        {
            larger[sequence % larger.Length] = At(sequence);
        }

        _ring = larger;
    }

    private ref Entry At(long sequence) => ref _ring[Slot(sequence)];

    private int Slot(long sequence) => (int)(sequence % _ring.Length);

    // Plain numbers only: the ring holds no references for the collector to trace.
    private readonly record struct Entry(long UtcTicks, long OriginSessionId, ulong MsgIdHash, long Chunk, int Offset, int Length, int UntaggedStart);
}
