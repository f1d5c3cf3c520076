namespace ApartiumChat.Client.Sending;

/// <summary>
/// The bounded, ordered store of unacknowledged messages. Order is send order: resends after
/// a reconnect go out in it, which keeps each sender's messages in order for everyone.
/// Guarded by the client's lock.
/// </summary>
internal sealed class Outbox
{
    private readonly LinkedList<OutboxEntry> _entries = new();
    private readonly Dictionary<string, OutboxEntry> _byKey = new(StringComparer.Ordinal);

    public Outbox(int capacity)
    {
        Capacity = capacity;
    }

    public int Capacity { get; }

    public int Count => _entries.Count;

    public bool IsFull => _entries.Count >= Capacity;

    /// <summary>The oldest entry (the first to time out).</summary>
    public OutboxEntry? Oldest => _entries.First?.Value;

    public LinkedListNode<OutboxEntry>? First => _entries.First;

    public void Add(OutboxEntry entry)
    {
        entry.Node = _entries.AddLast(entry);
        _byKey.Add(entry.Key, entry);
    }

    public bool TryGet(string key, out OutboxEntry entry) => _byKey.TryGetValue(key, out entry!);

    public void Remove(OutboxEntry entry)
    {
        if (entry.Node is { } node)
        {
            _entries.Remove(node);
            entry.Node = null;
            _byKey.Remove(entry.Key);
        }
    }

    /// <summary>Entries in send order (a copy: callers remove while they walk).</summary>
    public List<OutboxEntry> Snapshot() => [.. _entries];
}
