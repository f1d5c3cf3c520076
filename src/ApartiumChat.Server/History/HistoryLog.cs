using ApartiumChat.Server.Messages;

namespace ApartiumChat.Server.History;

/// <summary>
/// The bounded, ordered log of one target's messages (a channel, or a private conversation).
/// Entries get consecutive sequence numbers; the oldest are dropped past the capacity.
/// Not thread-safe: the cluster state guards it.
/// </summary>
/// <remarks>
/// Live delivery happens in the same critical section as the append, so delivery order is
/// log order: a client that asks for what came AFTER the last msgid it saw never skips one.
/// </remarks>
public sealed class HistoryLog
{
    private const int InitialSize = 16;

    private readonly Dictionary<string, long> _sequenceByMsgId = new(StringComparer.Ordinal);
    private readonly int _capacity;
    private OutboundMessage?[] _ring;
    private long _first = 1; // sequence of the oldest entry held
    private long _next = 1;  // sequence the next entry gets

    public HistoryLog(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;

        // Grown on demand: most channels and conversations never come near the capacity.
        _ring = new OutboundMessage?[Math.Min(capacity, InitialSize)];
    }

    public int Count => (int)(_next - _first);

    /// <summary>The sequence number the next appended message gets (1 for the first).</summary>
    public long NextSequence => _next;

    /// <summary>The newest entry's time, or null when empty.</summary>
    public DateTimeOffset? LastTime => Count == 0 ? null : At(_next - 1).Time;

    /// <summary>Appends a chat message (one with a msgid, and a time no earlier than <see cref="LastTime"/>).</summary>
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
            var evicted = At(_first);
            _sequenceByMsgId.Remove(evicted.MsgId!);
            _ring[Slot(_first)] = null;
            _first++;
        }

        _ring[Slot(_next)] = entry;
        _sequenceByMsgId[entry.MsgId] = _next;
        _next++;
    }

    public bool Contains(string msgId) => _sequenceByMsgId.ContainsKey(msgId);

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
            result[i] = At(start + i);
        }

        return result;
    }

    // First sequence strictly after the reference.
    private long StartAfter(HistoryReference reference) =>
        reference.MsgId is { } id
            ? (_sequenceByMsgId.TryGetValue(id, out var sequence) ? sequence + 1 : _next)
            : FirstWithTimeAbove(reference.Time!.Value);

    // First sequence at or after the reference (the reference itself for a msgid).
    private long StartAt(HistoryReference reference) =>
        reference.MsgId is { } id
            ? (_sequenceByMsgId.TryGetValue(id, out var sequence) ? sequence : _first)
            : FirstWithTimeAtOrAbove(reference.Time!.Value);

    private long FirstWithTimeAbove(DateTimeOffset time) => Search(e => e.Time > time);

    private long FirstWithTimeAtOrAbove(DateTimeOffset time) => Search(e => e.Time >= time);

    // Times never decrease along the log, so the predicate is monotonic: binary search.
    private long Search(Func<OutboundMessage, bool> predicate)
    {
        long low = _first, high = _next;
        while (low < high)
        {
            var mid = low + ((high - low) / 2);
            if (predicate(At(mid)))
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

    private void Grow()
    {
        var larger = new OutboundMessage?[Math.Min(_capacity, _ring.Length * 2)];
        for (var sequence = _first; sequence < _next; sequence++)
        {
            larger[sequence % larger.Length] = At(sequence);
        }

        _ring = larger;
    }

    private OutboundMessage At(long sequence) => _ring[Slot(sequence)]!;

    private int Slot(long sequence) => (int)(sequence % _ring.Length);
}
