using ApartiumChat.Server.Messages;

namespace ApartiumChat.Server.Cluster;

/// <summary>
/// The idempotency keys one session used, each with the message it was first accepted as,
/// for the retention window. Bounded, so a client cannot grow it without limit: past the
/// bound the oldest keys go first. Nothing is allocated until the first key: most sessions
/// (plain IRC clients) never send one.
/// </summary>
internal sealed class IdempotencyKeys
{
    private Dictionary<string, OutboundMessage>? _byKey;
    private Queue<(string Key, DateTimeOffset Expires)>? _byAge;
    private readonly int _capacity;

    public IdempotencyKeys(int capacity)
    {
        _capacity = capacity;
    }

    public int Count => _byKey?.Count ?? 0;

    public bool TryGet(string key, DateTimeOffset now, out OutboundMessage original)
    {
        Purge(now);
        original = null!;
        return _byKey is not null && _byKey.TryGetValue(key, out original!);
    }

    public void Add(string key, OutboundMessage accepted, DateTimeOffset expires, DateTimeOffset now)
    {
        _byKey ??= new Dictionary<string, OutboundMessage>(StringComparer.Ordinal);
        _byAge ??= new Queue<(string Key, DateTimeOffset Expires)>();
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
        if (_byAge is null || _byKey is null)
        {
            return;
        }

        while (_byAge.TryPeek(out var oldest) && oldest.Expires <= now)
        {
            _byAge.Dequeue();
            _byKey.Remove(oldest.Key);
        }
    }
}
