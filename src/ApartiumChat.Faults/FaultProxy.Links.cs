using System.Globalization;
using ApartiumChat.Faults.Journal;
using ApartiumChat.Faults.Toxics;
using ApartiumChat.Transport;

namespace ApartiumChat.Faults;

/// <summary>Connections: admitting them, deciding which toxics apply, resetting them.</summary>
public sealed partial class FaultProxy
{
    private readonly List<ProxyLink> _links = [];
    private long _accepted;

    /// <summary>The connections open now, oldest first.</summary>
    public IReadOnlyList<LinkInfo> Connections
    {
        get
        {
            lock (_gate)
            {
                return [.. _links.Select(l => l.Describe())];
            }
        }
    }

    /// <summary>
    /// Resets (TCP RST to both ends) every connection open at this instant: a one-shot fault.
    /// Connections opened afterwards are not affected (unlike a <c>reset_peer</c> toxic).
    /// </summary>
    /// <param name="fault">The fault name to journal the resets under.</param>
    /// <returns>How many connections were reset.</returns>
    public int ResetConnections(string fault = "reset")
    {
        ArgumentNullException.ThrowIfNull(fault);
        ProxyLink[] links;
        lock (_gate)
        {
            links = [.. _links];
        }

        var at = Time.GetUtcNow();
        foreach (var link in links)
        {
            Journal.Record(new InjectionRecord(at, Name, new InjectionKey(fault, Client, link.Number), InjectionKind.Reset, Applied: true));
            link.Abort();
        }

        return links.Length;
    }

    internal long Origin => _origin;

    internal long MaxBufferedBytes => _options.MaxBufferedBytes;

    /// <summary>
    /// Whether a toxic applies to connection <paramref name="number"/>: a uniform draw keyed by
    /// (proxy, toxic, connection) under the seed, compared with the toxicity. The same key
    /// always draws the same value, so a new toxicity re-decides consistently.
    /// </summary>
    internal double DrawFor(string toxic, long number) =>
        StableSeed.Draw(Seed, Name, toxic, number.ToString(CultureInfo.InvariantCulture));

    internal void RecordDecision(ToxicEntry entry, long number, double draw, bool applied, int? chunkSeed)
    {
        Journal.Record(new InjectionRecord(
            Time.GetUtcNow(),
            Name,
            new InjectionKey(entry.Name, Client, number),
            InjectionKind.Decision,
            applied,
            draw,
            entry.Toxic.Toxicity,
            applied ? chunkSeed : null,
            entry.Toxic.Type));
    }

    internal void RecordFired(string toxic, long number, string what) =>
        Journal.Record(new InjectionRecord(Time.GetUtcNow(), Name, new InjectionKey(toxic, Client, number), InjectionKind.Fired, Applied: true, Detail: what));

    /// <summary>The seed of the per-chunk draws of one toxic on one direction of one connection.</summary>
    internal int ChunkSeed(string toxic, long number, ToxicStream stream) =>
        StableSeed.DeriveSeed(Seed, Name, toxic, number.ToString(CultureInfo.InvariantCulture), Toxic.StreamName(stream), "chunks");

    /// <summary>
    /// Called by a link once its upstream connection is open: builds its chains with the toxics
    /// in force now. False when the link was closed or reset while it connected.
    /// </summary>
    internal bool Attach(ProxyLink link, IConnection server)
    {
        lock (_gate)
        {
            if (!_links.Contains(link) || link.IsEnding)
            {
                return false;
            }

            link.Build(server, _toxics);
            return true;
        }
    }

    internal void Detach(ProxyLink link)
    {
        lock (_gate)
        {
            _links.Remove(link);
        }
    }

    private ProxyLink[] TakeLinksForShutdown()
    {
        lock (_gate)
        {
            return [.. _links];
        }
    }

    /// <summary>A new connection: refused if a refuse toxic applies to it, otherwise linked to the upstream.</summary>
    private async Task AdmitAsync(IConnection connection, IConnectionListener listener)
    {
        ProxyLink? link = null;
        string? refusedBy = null;
        long number;
        lock (_gate)
        {
            if (_disposed || !ReferenceEquals(listener, _listener))
            {
                number = 0;
            }
            else
            {
                number = ++_accepted;
                foreach (var entry in _toxics.Where(t => !t.ActsOnBytes))
                {
                    var draw = DrawFor(entry.Name, number);
                    var applied = draw < entry.Toxic.Toxicity;
                    RecordDecision(entry, number, draw, applied, chunkSeed: null);
                    if (applied)
                    {
                        refusedBy = entry.Name;
                        break;
                    }
                }

                if (refusedBy is null)
                {
                    link = new ProxyLink(this, number, connection);
                    _links.Add(link);
                }
            }
        }

        if (link is not null)
        {
            FaultProxyLog.Accepted(_logger, Name, number, NetworkAddress.Format(connection.RemoteEndPoint));
            link.Start();
            return;
        }

        if (refusedBy is not null)
        {
            Journal.Record(new InjectionRecord(Time.GetUtcNow(), Name, new InjectionKey(refusedBy, Client, number), InjectionKind.Refused, Applied: true));
            FaultProxyLog.Refused(_logger, Name, number, refusedBy);
        }

        // Refused (or the proxy stopped meanwhile): reset before a byte flows, as a closed port would.
        connection.Abort();
        await connection.DisposeAsync();
    }
}
