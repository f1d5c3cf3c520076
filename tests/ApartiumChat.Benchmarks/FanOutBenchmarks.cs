using System.Buffers;
using ApartiumChat.Server.Cluster;
using ApartiumChat.Server.Messages;
using ApartiumChat.Server.Node;
using ApartiumChat.Server.Options;
using BenchmarkDotNet.Attributes;

namespace ApartiumChat.Benchmarks;

/// <summary>
/// The server's fan-out path without sockets: one PRIVMSG to a channel of 50 through the
/// cluster bus (history append, msgid, one encoding per capability profile) to each
/// member's send queue, then every queue drained into a buffer, as the writer loops do.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class FanOutBenchmarks
{
    private const int Members = 50;
    private const int MessagesPerInvoke = 64;

    private readonly ArrayBufferWriter<byte> _wire = new(64 * 1024);
    private readonly List<QueueEndpoint> _endpoints = [];
    private InProcessClusterBus _bus = null!;
    private Session _sender = null!;
    private MessageDraft _draft = null!;

    /// <summary>Whether members negotiated message-tags and server-time (the line then carries time and msgid).</summary>
    [Params(false, true)]
    public bool Tags { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _bus = new InProcessClusterBus(IrcServerOptions.Default, TimeProvider.System, new Random(7));
        var capabilities = Tags ? ClientCapabilities.MessageTags | ClientCapabilities.ServerTime : ClientCapabilities.None;
        for (var i = 0; i <= Members; i++)
        {
            var endpoint = new QueueEndpoint(capabilities);
            var (session, _, _) = _bus.Register(new RegistrationRequest($"user{i}", "u", "127.0.0.1", "bench", IsHa: false), endpoint);
            _bus.Join(session!, "#bench", null);
            _endpoints.Add(endpoint);
            _sender = session!;
        }

        _draft = new MessageDraft("PRIVMSG", "123456789012345 0 xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", [], null);
        DrainAll();
    }

    /// <summary>One message to 50 members: bus, history, encode, enqueue. Per message.</summary>
    [Benchmark(OperationsPerInvoke = MessagesPerInvoke)]
    public int SendToChannel()
    {
        var accepted = 0;
        for (var i = 0; i < MessagesPerInvoke; i++)
        {
            accepted += _bus.SendToChannel(_sender, "#bench", _draft).Message is null ? 0 : 1;
        }

        DrainAll(); // outside what is measured per message in spirit, but queues must not grow
        return accepted;
    }

    /// <summary>As <see cref="SendToChannel"/>, plus each member's writer copying its lines out, per batch of 64. Per message.</summary>
    [Benchmark(OperationsPerInvoke = MessagesPerInvoke)]
    public int SendAndWrite()
    {
        for (var i = 0; i < MessagesPerInvoke; i++)
        {
            _bus.SendToChannel(_sender, "#bench", _draft);
        }

        return DrainAll();
    }

    private int DrainAll()
    {
        var total = 0;
        foreach (var endpoint in _endpoints)
        {
            _wire.ResetWrittenCount();
            total += endpoint.Queue.DrainInto(_wire, int.MaxValue);
        }

        return total;
    }

    /// <summary>What ClientConnection does on delivery, minus the connection: encode once per profile, queue.</summary>
    private sealed class QueueEndpoint(ClientCapabilities capabilities) : ISessionEndpoint
    {
        public SendQueue Queue { get; } = new();

        public string ServerName => "bench";

        public void Deliver(OutboundMessage message) => Queue.TryAdd(message.EncodedFor(capabilities), out _);

        public void TakenOver()
        {
        }
    }
}
