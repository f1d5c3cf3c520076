using System.Diagnostics.Metrics;

namespace ApartiumChat.Server.Diagnostics;

/// <summary>
/// The server's <see cref="System.Diagnostics.Metrics"/> instruments (meter
/// <c>ApartiumChat.Server</c>), each tagged with the node name. Watch them live with
/// <c>dotnet-counters monitor --counters ApartiumChat.Server -n apartium</c>.
/// </summary>
public sealed class ServerMetrics : IDisposable
{
    public const string MeterName = "ApartiumChat.Server";

    private readonly Meter _meter;
    private readonly KeyValuePair<string, object?> _node;
    private readonly Counter<long> _connectionsOpened;
    private readonly Counter<long> _connectionsClosed;
    private readonly Counter<long> _registrations;
    private readonly Counter<long> _resumes;
    private readonly Counter<long> _messagesIn;
    private readonly Counter<long> _messagesOut;
    private readonly Counter<long> _bytesIn;
    private readonly Counter<long> _bytesOut;
    private int _connections;

    public ServerMetrics(string nodeName, IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _node = new KeyValuePair<string, object?>("node", nodeName);
        _connectionsOpened = _meter.CreateCounter<long>("apartium.server.connections.opened", "{connection}", "Connections accepted");
        _connectionsClosed = _meter.CreateCounter<long>("apartium.server.connections.closed", "{connection}", "Connections closed, by reason");
        _registrations = _meter.CreateCounter<long>("apartium.server.registrations", "{registration}", "Clients that completed registration");
        _resumes = _meter.CreateCounter<long>("apartium.server.resumes", "{resume}", "Sessions resumed with a token");
        _messagesIn = _meter.CreateCounter<long>("apartium.server.messages.in", "{message}", "Lines received from clients");
        _messagesOut = _meter.CreateCounter<long>("apartium.server.messages.out", "{message}", "Lines queued for clients");
        _bytesIn = _meter.CreateCounter<long>("apartium.server.bytes.in", "By", "Bytes received from clients");
        _bytesOut = _meter.CreateCounter<long>("apartium.server.bytes.out", "By", "Bytes queued for clients");
        _meter.CreateObservableGauge("apartium.server.connections", () => new Measurement<int>(Volatile.Read(ref _connections), _node), "{connection}", "Open connections");
    }

    public void ConnectionOpened()
    {
        Interlocked.Increment(ref _connections);
        _connectionsOpened.Add(1, _node);
    }

    public void ConnectionClosed(string reason)
    {
        Interlocked.Decrement(ref _connections);
        _connectionsClosed.Add(1, _node, new KeyValuePair<string, object?>("reason", reason));
    }

    public void Registered() => _registrations.Add(1, _node);

    public void Resumed() => _resumes.Add(1, _node);

    public void Received(int lines, long bytes)
    {
        _messagesIn.Add(lines, _node);
        _bytesIn.Add(bytes, _node);
    }

    public void Queued(int bytes)
    {
        _messagesOut.Add(1, _node);
        _bytesOut.Add(bytes, _node);
    }

    public void Dispose() => _meter.Dispose();
}
