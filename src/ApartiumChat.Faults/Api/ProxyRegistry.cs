using System.Net;
using ApartiumChat.Faults.Journal;
using ApartiumChat.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ApartiumChat.Faults.Api;

/// <summary>
/// The named proxies behind the control API, with Toxiproxy's rules: unique names, create,
/// update, delete, populate (create or replace a list, all checked before any is applied),
/// and reset (every proxy enabled, every toxic removed). Safe from any thread.
/// </summary>
public sealed class ProxyRegistry : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly SortedDictionary<string, Entry> _proxies = new(StringComparer.Ordinal);
    private readonly IConnectionListenerFactory _listeners;
    private readonly IConnectionFactory _connector;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;
    private readonly long _seed;

    public ProxyRegistry(
        IConnectionListenerFactory listeners,
        IConnectionFactory connector,
        TimeProvider time,
        long seed,
        ILoggerFactory? loggers = null)
    {
        _listeners = listeners;
        _connector = connector;
        _time = time;
        _seed = seed;
        _loggers = loggers ?? NullLoggerFactory.Instance;
    }

    /// <summary>One journal for every proxy of the registry.</summary>
    public InjectionJournal Journal { get; } = new();

    /// <summary>The proxies, by name in ordinal order (as Toxiproxy's JSON lists them).</summary>
    public async Task<IReadOnlyList<FaultProxy>> ListAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return [.. _proxies.Values.Select(e => e.Proxy)];
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <exception cref="FaultProxyException">No such proxy (<see cref="FaultErrorKind.ProxyNotFound"/>).</exception>
    public async Task<FaultProxy> GetAsync(string name, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return Find(name).Proxy;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <exception cref="FaultProxyException">Invalid definition, name taken, or the listen address cannot be bound.</exception>
    public async Task<FaultProxy> CreateAsync(ProxyDefinition definition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var (listen, upstream) = Check(definition);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_proxies.ContainsKey(definition.Name))
            {
                throw new FaultProxyException(FaultErrorKind.ProxyExists, "proxy already exists");
            }

            return await StartAsync(definition, listen, upstream, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Changes a proxy's listen or upstream address (which closes its connections) and enables or
    /// disables it. Null fields keep their value.
    /// </summary>
    public async Task<FaultProxy> UpdateAsync(string name, string? listen, string? upstream, bool? enabled, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var entry = Find(name);
            EndPoint? newListen = null;
            EndPoint? newUpstream = null;
            if (listen is not null && listen != entry.RequestedListen && listen != ProxyAddress.Format(entry.Proxy.Listen))
            {
                newListen = await ProxyAddress.ResolveListenAsync(ParseListen(listen), cancellationToken);
            }

            if (upstream is not null)
            {
                newUpstream = ParseUpstream(upstream);
            }

            await entry.Proxy.ReconfigureAsync(newListen, newUpstream, enabled ?? entry.Proxy.Enabled, cancellationToken);
            if (newListen is not null)
            {
                entry.RequestedListen = listen!;
            }

            return entry.Proxy;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <returns>False when there was no such proxy.</returns>
    public async Task<bool> DeleteAsync(string name, CancellationToken cancellationToken = default)
    {
        Entry? entry;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!_proxies.Remove(name, out entry))
            {
                return false;
            }

            await entry.Proxy.DisposeAsync();
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Creates or replaces a list of proxies: a proxy of the same name whose addresses match is
    /// kept as it is (toxics included); one whose addresses differ is replaced. Every definition is
    /// checked before any is applied.
    /// </summary>
    public async Task<IReadOnlyList<FaultProxy>> PopulateAsync(IReadOnlyList<ProxyDefinition> definitions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        var checkedDefinitions = new List<(ProxyDefinition Definition, EndPoint Listen, EndPoint Upstream)>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < definitions.Count; i++)
        {
            var definition = definitions[i];
            if (string.IsNullOrEmpty(definition.Name))
            {
                throw JsonFields.Missing($"name at proxy {i + 1}");
            }

            if (string.IsNullOrEmpty(definition.Upstream))
            {
                throw JsonFields.Missing($"upstream at proxy {i + 1}");
            }

            if (!names.Add(definition.Name))
            {
                throw JsonFields.Bad($"duplicate proxy name \"{definition.Name}\"");
            }

            var (listen, upstream) = Check(definition);
            checkedDefinitions.Add((definition, listen, upstream));
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            var result = new List<FaultProxy>();
            foreach (var (definition, listen, upstream) in checkedDefinitions)
            {
                if (_proxies.TryGetValue(definition.Name, out var existing))
                {
                    var sameListen = definition.Listen == existing.RequestedListen || listen.Equals(existing.Proxy.Listen);
                    if (sameListen && upstream.Equals(existing.Proxy.Upstream))
                    {
                        result.Add(existing.Proxy);
                        continue;
                    }

                    _proxies.Remove(definition.Name);
                    await existing.Proxy.DisposeAsync();
                }

                result.Add(await StartAsync(definition, listen, upstream, cancellationToken));
            }

            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Enables every proxy and removes every toxic.</summary>
    public async Task ResetAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            foreach (var entry in _proxies.Values)
            {
                await entry.Proxy.EnableAsync(cancellationToken);
                entry.Proxy.RemoveAllToxics();
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        try
        {
            foreach (var entry in _proxies.Values)
            {
                await entry.Proxy.DisposeAsync();
            }

            _proxies.Clear();
        }
        finally
        {
            _gate.Release();
        }
    }

    private static (EndPoint Listen, EndPoint Upstream) Check(ProxyDefinition definition)
    {
        if (string.IsNullOrEmpty(definition.Name))
        {
            throw JsonFields.Missing("name");
        }

        if (string.IsNullOrEmpty(definition.Upstream))
        {
            throw JsonFields.Missing("upstream");
        }

        var listen = ParseListen(string.IsNullOrEmpty(definition.Listen) ? ProxyDefinition.DefaultListen : definition.Listen);
        var upstream = ParseUpstream(definition.Upstream);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var toxic in definition.Toxics ?? [])
        {
            if (!names.Add(toxic.Name))
            {
                throw new FaultProxyException(FaultErrorKind.ToxicExists, "toxic already exists");
            }
        }

        return (listen, upstream);
    }

    /// <summary>A listen address Toxiproxy could not listen on is a failed listen (500), as there.</summary>
    private static EndPoint ParseListen(string text) =>
        ProxyAddress.TryParse(text, out var endPoint, out var error)
            ? endPoint
            : throw new FaultProxyException(FaultErrorKind.ListenFailed, $"listen tcp: {error}");

    private static EndPoint ParseUpstream(string text)
    {
        if (!ProxyAddress.TryParse(text, out var endPoint, out var error))
        {
            throw JsonFields.Bad($"upstream: {error}");
        }

        var port = endPoint switch
        {
            IPEndPoint ip => ip.Port,
            DnsEndPoint dns => dns.Port,
            _ => 0,
        };
        return port == 0 ? throw JsonFields.Bad($"upstream {text}: the port must be from 1 to 65535") : endPoint;
    }

    private async Task<FaultProxy> StartAsync(ProxyDefinition definition, EndPoint listen, EndPoint upstream, CancellationToken cancellationToken)
    {
        var options = new FaultProxyOptions
        {
            Name = definition.Name,
            Listen = await ProxyAddress.ResolveListenAsync(listen, cancellationToken),
            Upstream = upstream,
            Enabled = definition.Enabled,
            Seed = _seed,
            Journal = Journal,
        };
        var proxy = await FaultProxy.StartAsync(options, _listeners, _connector, _time, _loggers.CreateLogger("ApartiumChat.Faults.Proxy"), cancellationToken);
        try
        {
            foreach (var toxic in definition.Toxics ?? [])
            {
                proxy.AddToxic(toxic);
            }
        }
        catch
        {
            await proxy.DisposeAsync();
            throw;
        }

        _proxies.Add(definition.Name, new Entry(proxy, string.IsNullOrEmpty(definition.Listen) ? ProxyDefinition.DefaultListen : definition.Listen));
        return proxy;
    }

    private Entry Find(string name) =>
        _proxies.TryGetValue(name, out var entry) ? entry : throw new FaultProxyException(FaultErrorKind.ProxyNotFound, "proxy not found");

    private sealed class Entry(FaultProxy proxy, string requestedListen)
    {
        public FaultProxy Proxy { get; } = proxy;

        public string RequestedListen { get; set; } = requestedListen;
    }
}
