using ApartiumChat.Server.Messages;

namespace ApartiumChat.Server.Cluster;

/// <summary>
/// The idempotency keys one session used, each with the message it was first accepted as,
/// for the retention window. Bounded, so a client cannot grow it without limit: past the
/// bound the oldest keys go first.
/// </summary>
internal sealed class IdempotencyKeys
{
    private readonly Dictionary<string, OutboundMessage> _byKey = new(StringComparer.Ordinal);
    private readonly Queue<(string Key, DateTimeOffset Expires)> _byAge = new();
    private readonly int _capacity;

    public IdempotencyKeys(int capacity)
    {
        _capacity = capacity;
    }

    public int Count => _byKey.Count;

    public bool TryGet(string key, DateTimeOffset now, out OutboundMessage original)
    {
        Purge(now);
        return _byKey.TryGetValue(key, out original!);
    }

    public void Add(string key, OutboundMessage accepted, DateTimeOffset expires, DateTimeOffset now)
    {
        Purge(now);
        while (_byKey.Count >= _capacity && _byAge.TryDequeue(out var oldest))
        {
            _byKey.Remove(oldest.Key);
        }

        if (_byKey.TryAdd(key, accepted))
        {
            _byAge.Enqueue((key, expires));
        }
    }

    private void Purge(DateTimeOffset now)
    {
        while (_byAge.TryPeek(out var oldest) && oldest.Expires <= now)
        {
            _byAge.Dequeue();
            _byKey.Remove(oldest.Key);
        }
    }
}
