namespace ApartiumChat.Faults.Journal;

/// <summary>
/// What was injected, in the order it happened: every random decision (with the draw and the
/// seed behind it), every connection a toxic refused, closed or reset. A run shows it; a replay
/// with the same seed makes the same decisions. Thread-safe; one journal may serve many proxies.
/// </summary>
public sealed class InjectionJournal
{
    private readonly Lock _gate = new();
    private readonly Queue<InjectionRecord> _records = new();
    private readonly int _capacity;
    private long _dropped;

    /// <param name="capacity">Records kept; past that the oldest go (a long-running proxy stays bounded).</param>
    public InjectionJournal(int capacity = 100_000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
    }

    /// <summary>Records dropped because the journal was full.</summary>
    public long Dropped
    {
        get
        {
            lock (_gate)
            {
                return _dropped;
            }
        }
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _records.Count;
            }
        }
    }

    public void Record(InjectionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (_gate)
        {
            if (_records.Count == _capacity)
            {
                _records.Dequeue();
                _dropped++;
            }

            _records.Enqueue(record);
        }
    }

    /// <summary>Every record kept, oldest first.</summary>
    public IReadOnlyList<InjectionRecord> Snapshot()
    {
        lock (_gate)
        {
            return [.. _records];
        }
    }

    /// <summary>
    /// Draws whether a fault applies to a client (once per fault and client), and records it:
    /// for a runner that targets links itself before it adds toxics.
    /// </summary>
    public bool Decide(long seed, string proxy, string fault, string client, double toxicity, DateTimeOffset at)
    {
        var draw = StableSeed.Draw(seed, "target", fault, client);
        var applied = draw < toxicity;
        Record(new InjectionRecord(at, proxy, new InjectionKey(fault, client, 0), InjectionKind.Decision, applied, draw, toxicity));
        return applied;
    }
}
