namespace ApartiumChat.Client.Receiving;

/// <summary>The last N msgids delivered in one conversation: a set with first-in, first-out eviction.</summary>
internal sealed class RecentIds
{
    private readonly int _capacity;
    private readonly HashSet<string> _set = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    public RecentIds(int capacity)
    {
        _capacity = capacity;
    }

    /// <summary>Remembers the id; false if it was already there (a duplicate).</summary>
    public bool Add(string id)
    {
        if (!_set.Add(id))
        {
            return false;
        }

        _order.Enqueue(id);
        if (_order.Count > _capacity)
        {
            _set.Remove(_order.Dequeue());
        }

        return true;
    }

    public bool Contains(string id) => _set.Contains(id);
}
