using System.IO.Pipelines;
using System.Net.Sockets;
using ApartiumChat.Faults.Chains;
using ApartiumChat.Faults.Toxics;
using ApartiumChat.Transport;

namespace ApartiumChat.Faults;

/// <summary>
/// One proxied connection: the accepted client connection, the connection the proxy opened
/// upstream, and a toxic chain per direction.
/// <code>
///   Client.Input  --[Up chain]--&gt;   Server.Output
///   Client.Output &lt;--[Down chain]-- Server.Input
/// </code>
/// Toxic changes reach it under the proxy's lock; which toxics apply is decided per toxic
/// from the proxy's seed and remembered, so a changed toxicity re-decides consistently.
/// </summary>
internal sealed class ProxyLink : ILinkControl, IInjectionRecorder
{
    private readonly FaultProxy _proxy;
    private readonly Dictionary<string, bool> _applied = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _connecting = new();
    private int _ending; // 0 open, 1 closing, 2 resetting

    public ProxyLink(FaultProxy proxy, long number, IConnection client)
    {
        _proxy = proxy;
        Number = number;
        Client = client;
    }

    public long Number { get; }

    public IConnection Client { get; }

    public IConnection? Server { get; private set; }

    public ToxicChain? Up { get; private set; }

    public ToxicChain? Down { get; private set; }

    public Task Completion { get; private set; } = Task.CompletedTask;

    public bool IsEnding => Volatile.Read(ref _ending) != 0;

    public void Start() => Completion = RunAsync();

    public LinkInfo Describe() => new(
        Number,
        Client.RemoteEndPoint,
        Server?.LocalEndPoint,
        Up?.ToxicNames ?? [],
        Down?.ToxicNames ?? [],
        Up?.ForwardedBytes ?? 0,
        Down?.ForwardedBytes ?? 0);

    /// <summary>Creates the chains with the toxics in force (under the proxy's lock).</summary>
    public void Build(IConnection server, IReadOnlyList<ToxicEntry> toxics)
    {
        Server = server;
        var origin = _proxy.Origin;
        var max = _proxy.MaxBufferedBytes;
        Up = new ToxicChain(ToxicStream.Upstream, Client, server, this, _proxy.Time, origin, max);
        Down = new ToxicChain(ToxicStream.Downstream, server, Client, this, _proxy.Time, origin, max);
        foreach (var entry in toxics)
        {
            Apply(entry, touched: null);
        }
    }

    /// <summary>A toxic was added (or the link is being built): decide, and add its stage if it applies.</summary>
    public void Apply(ToxicEntry entry, List<ToxicChain>? touched)
    {
        if (!entry.ActsOnBytes || Up is null || Down is null)
        {
            return;
        }

        var draw = _proxy.DrawFor(entry.Name, Number);
        var applies = draw < entry.Toxic.Toxicity;
        _applied[entry.Name] = applies;
        var seed = _proxy.ChunkSeed(entry.Name, Number, entry.Toxic.Stream);
        _proxy.RecordDecision(entry, Number, draw, applies, seed);
        if (applies)
        {
            AddStage(entry, seed, touched);
        }
    }

    /// <summary>A toxic changed: re-decide if its toxicity changed, and reconfigure its stage.</summary>
    public void Update(ToxicEntry entry, Toxic previous, List<ToxicChain> touched)
    {
        if (!entry.ActsOnBytes || Up is null || Down is null)
        {
            return;
        }

        var was = _applied.GetValueOrDefault(entry.Name);
        var applies = was;
        if (entry.Toxic.Toxicity != previous.Toxicity)
        {
            var draw = _proxy.DrawFor(entry.Name, Number);
            applies = draw < entry.Toxic.Toxicity;
            _applied[entry.Name] = applies;
            _proxy.RecordDecision(entry, Number, draw, applies, _proxy.ChunkSeed(entry.Name, Number, entry.Toxic.Stream));
        }

        var chain = ChainFor(entry.Toxic.Stream);
        if (was && !applies)
        {
            chain.Remove(entry.Name);
            touched.Add(chain);
        }
        else if (!was && applies)
        {
            AddStage(entry, _proxy.ChunkSeed(entry.Name, Number, entry.Toxic.Stream), touched);
        }
        else if (applies && !Equals(entry.Toxic.Attributes, previous.Attributes))
        {
            chain.Reconfigure(entry.Name, entry.Toxic.Attributes);
            touched.Add(chain);
        }
    }

    public void Remove(ToxicEntry entry, List<ToxicChain> touched)
    {
        if (_applied.Remove(entry.Name, out var applied) && applied && Up is not null && Down is not null)
        {
            var chain = ChainFor(entry.Toxic.Stream);
            chain.Remove(entry.Name);
            touched.Add(chain);
        }
    }

    /// <summary>Closes both directions gracefully (the proxy was disabled).</summary>
    public void Close()
    {
        if (Interlocked.CompareExchange(ref _ending, 1, 0) != 0)
        {
            return;
        }

        StopConnecting();
        Up?.Terminate(graceful: true);
        Down?.Terminate(graceful: true);
    }

    /// <summary>Resets both ends.</summary>
    public void Abort()
    {
        Volatile.Write(ref _ending, 2);
        StopConnecting();
        Client.Abort();
        Server?.Abort();
        Up?.Terminate(graceful: false);
        Down?.Terminate(graceful: false);
    }

    void ILinkControl.CloseFromToxic() => Close();

    void ILinkControl.AbortFromToxic() => Abort();

    void IInjectionRecorder.Fired(string toxicName, string what) => _proxy.RecordFired(toxicName, Number, what);

    private void StopConnecting()
    {
        try
        {
            _connecting.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Connected long ago.
        }
    }

    private ToxicChain ChainFor(ToxicStream stream) => stream == ToxicStream.Upstream ? Up! : Down!;

    private void AddStage(ToxicEntry entry, int seed, List<ToxicChain>? touched)
    {
        var context = new StageContext(entry.Name, entry.Toxic.Stream, entry.Order, new Random(seed), this);
        var stage = entry.Toxic.Attributes.CreateStage(context);
        if (stage is null)
        {
            return;
        }

        var chain = ChainFor(entry.Toxic.Stream);
        chain.Add(stage);
        touched?.Add(chain);
    }

    private async Task RunAsync()
    {
        try
        {
            await ForwardAsync();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A background task must not die silently: say so, and reset both ends.
            FaultProxyLog.LinkFailed(_proxy.Logger, e, _proxy.Name, Number);
            Abort();
        }
        finally
        {
            _connecting.Dispose();
            _proxy.Detach(this);
        }
    }

    private async Task ForwardAsync()
    {
        IConnection server;
        try
        {
            server = await _proxy.Connector.ConnectAsync(_proxy.Upstream, _connecting.Token);
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException or ArgumentException)
        {
            if (!IsEnding)
            {
                FaultProxyLog.UpstreamFailed(_proxy.Logger, _proxy.Name, NetworkAddress.Format(_proxy.Upstream), Number, e.Message);
            }

            Client.Abort(); // as Toxiproxy does, the client learns at once that nobody is there
            await Client.DisposeAsync();
            return;
        }

        if (!_proxy.Attach(this, server))
        {
            await EndEarlyAsync(server);
            return;
        }

        var up = Up!.RunAsync();
        var down = Down!.RunAsync();
        await Task.WhenAll(up, down);
        await server.DisposeAsync();
        await Client.DisposeAsync();
    }

    /// <summary>The link was closed or reset while it connected upstream.</summary>
    private async Task EndEarlyAsync(IConnection server)
    {
        if (Volatile.Read(ref _ending) == 2)
        {
            server.Abort();
            Client.Abort();
        }

        await CompleteQuietly(server.Transport.Output);
        await CompleteQuietly(Client.Transport.Output);
        await server.DisposeAsync();
        await Client.DisposeAsync();
    }

    private static async ValueTask CompleteQuietly(PipeWriter writer)
    {
        try
        {
            await writer.CompleteAsync();
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or ObjectDisposedException)
        {
            // Already gone.
        }
    }
}
