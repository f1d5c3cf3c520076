using ApartiumChat.Faults.Chains;
using ApartiumChat.Faults.Journal;
using ApartiumChat.Faults.Toxics;

namespace ApartiumChat.Faults;

/// <summary>Adding, changing and removing toxics, on the proxy and on every open connection at once.</summary>
public sealed partial class FaultProxy
{
    private readonly List<ToxicEntry> _toxics = [];
    private long _nextOrder;

    /// <summary>The toxics in force: upstream ones first, then downstream, each in the order added (as Toxiproxy lists them).</summary>
    public IReadOnlyList<Toxic> Toxics
    {
        get
        {
            lock (_gate)
            {
                return
                [
                    .. _toxics.Where(t => t.Toxic.Stream == ToxicStream.Upstream).Select(t => t.Toxic),
                    .. _toxics.Where(t => t.Toxic.Stream == ToxicStream.Downstream).Select(t => t.Toxic),
                ];
            }
        }
    }

    /// <summary>The toxic of that name, or null.</summary>
    public Toxic? FindToxic(string name)
    {
        lock (_gate)
        {
            return Find(name)?.Toxic;
        }
    }

    /// <summary>
    /// Adds a toxic; it acts at once on the open connections it applies to (by its toxicity) and
    /// on new ones. With <paramref name="healAfter"/>, it removes itself after that long.
    /// </summary>
    /// <exception cref="FaultProxyException">Invalid toxic, or one of that name exists.</exception>
    public Toxic AddToxic(Toxic toxic, TimeSpan? healAfter = null)
    {
        ArgumentNullException.ThrowIfNull(toxic);
        ThrowIfInvalid(toxic);
        if (healAfter is { } heal && (heal < TimeSpan.Zero || heal.TotalMilliseconds > ToxicAttributes.MaxMilliseconds))
        {
            throw new FaultProxyException(FaultErrorKind.Invalid, $"healAfter must be from 0 to {ToxicAttributes.MaxMilliseconds} ms");
        }

        var touched = new List<ToxicChain>();
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (Find(toxic.Name) is not null)
            {
                throw new FaultProxyException(FaultErrorKind.ToxicExists, "toxic already exists");
            }

            var entry = new ToxicEntry(toxic, ++_nextOrder);
            _toxics.Add(entry);
            foreach (var link in _links)
            {
                link.Apply(entry, touched);
            }

            if (healAfter is { } after)
            {
                entry.Heal = Time.CreateTimer(static state => ((HealTicket)state!).Fire(), new HealTicket(this, entry), after, Timeout.InfiniteTimeSpan);
            }
        }

        Wake(touched);
        return toxic;
    }

    /// <summary>
    /// Changes a toxic's attributes and/or toxicity (its name, type and stream stay). Open
    /// connections see the change at once; a new toxicity re-decides, with the same draws,
    /// which connections it applies to.
    /// </summary>
    /// <exception cref="FaultProxyException">No such toxic, attributes of another type, or invalid values.</exception>
    public Toxic UpdateToxic(string name, ToxicAttributes? attributes = null, double? toxicity = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        var touched = new List<ToxicChain>();
        Toxic updated;
        lock (_gate)
        {
            var entry = Find(name) ?? throw new FaultProxyException(FaultErrorKind.ToxicNotFound, "toxic not found");
            if (attributes is not null && attributes.GetType() != entry.Toxic.Attributes.GetType())
            {
                throw new FaultProxyException(FaultErrorKind.Invalid, $"toxic {name} is a {entry.Toxic.Type} toxic, not {attributes.Type}");
            }

            updated = entry.Toxic with
            {
                Attributes = attributes ?? entry.Toxic.Attributes,
                Toxicity = toxicity ?? entry.Toxic.Toxicity,
            };
            ThrowIfInvalid(updated);
            var previous = entry.Toxic;
            entry.Toxic = updated;
            foreach (var link in _links)
            {
                link.Update(entry, previous, touched);
            }
        }

        Wake(touched);
        return updated;
    }

    /// <summary>Removes a toxic; what it held goes on at once, and plain forwarding resumes where it was the last.</summary>
    /// <returns>False when there was no such toxic.</returns>
    public bool RemoveToxic(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var touched = new List<ToxicChain>();
        lock (_gate)
        {
            var entry = Find(name);
            if (entry is null)
            {
                return false;
            }

            RemoveLocked(entry, touched);
        }

        Wake(touched);
        return true;
    }

    /// <summary>Removes every toxic (a heal of every fault on this proxy).</summary>
    public void RemoveAllToxics()
    {
        var touched = new List<ToxicChain>();
        lock (_gate)
        {
            foreach (var entry in _toxics.ToArray())
            {
                RemoveLocked(entry, touched);
            }
        }

        Wake(touched);
    }

    private void RemoveLocked(ToxicEntry entry, List<ToxicChain> touched)
    {
        _toxics.Remove(entry);
        entry.Heal?.Dispose();
        entry.Heal = null;
        foreach (var link in _links)
        {
            link.Remove(entry, touched);
        }
    }

    private void Heal(ToxicEntry entry)
    {
        var touched = new List<ToxicChain>();
        lock (_gate)
        {
            if (!_toxics.Contains(entry))
            {
                return; // removed or replaced meanwhile
            }

            RemoveLocked(entry, touched);
            Journal.Record(new InjectionRecord(Time.GetUtcNow(), Name, new InjectionKey(entry.Name, Client, 0), InjectionKind.Healed, Applied: true));
        }

        Wake(touched);
    }

    private ToxicEntry? Find(string name) => _toxics.Find(t => t.Name == name);

    private static void ThrowIfInvalid(Toxic toxic)
    {
        var problems = toxic.Validate();
        if (problems.Count > 0)
        {
            throw new FaultProxyException(FaultErrorKind.Invalid, string.Join("; ", problems));
        }
    }

    private static void Wake(List<ToxicChain> chains)
    {
        foreach (var chain in chains)
        {
            chain.WakeIfReady();
        }
    }

    /// <summary>Timer state of a toxic that heals itself.</summary>
    private sealed record HealTicket(FaultProxy Proxy, ToxicEntry Entry)
    {
        public void Fire() => Proxy.Heal(Entry);
    }
}
