namespace ApartiumChat.Scenarios.Measurement;

/// <summary>
/// Checks every message against its receivers (every client but its sender):
/// <list type="bullet">
/// <item><c>lost</c>: (message, receiver) pairs where an acknowledged message never reached the receiver;</item>
/// <item><c>duplicated</c>: extra deliveries of a message to one receiver, one per extra;</item>
/// <item><c>reordered</c>: messages a receiver got (first) after a later message of the same sender;</item>
/// <item><c>unacked</c>: messages never acknowledged.</item>
/// </list>
/// Sends, acknowledgements and deliveries may be recorded in any order relative to each other;
/// only the order of deliveries to one receiver matters (it is the order the application saw).
/// </summary>
public sealed class MessageLedger
{
    private readonly IReadOnlyList<string> _clients;
    private readonly HashSet<string> _clientSet;
    private readonly HashSet<(string Sender, long Sequence)> _sent = [];
    private readonly HashSet<(string Sender, long Sequence)> _acknowledged = [];
    private readonly Dictionary<(string Receiver, string Sender), Stream> _streams = [];
    private long _deliveries;
    private long _duplicated;
    private long _reordered;
    private long _selfDeliveries;

    public MessageLedger(IReadOnlyList<string> clients)
    {
        ArgumentNullException.ThrowIfNull(clients);
        _clients = clients;
        _clientSet = new HashSet<string>(clients, StringComparer.Ordinal);
    }

    public void Sent(string sender, long sequence) => _sent.Add((sender, sequence));

    public void Acknowledged(string sender, long sequence) => _acknowledged.Add((sender, sequence));

    public void Delivered(string receiver, string sender, long sequence)
    {
        _deliveries++;
        if (receiver == sender)
        {
            _selfDeliveries++;
            return;
        }

        if (!_streams.TryGetValue((receiver, sender), out var stream))
        {
            stream = new Stream();
            _streams[(receiver, sender)] = stream;
        }

        if (!stream.Received.Add(sequence))
        {
            _duplicated++;
            return;
        }

        if (stream.Received.Count > 1 && stream.Highest > sequence)
        {
            _reordered++;
        }

        stream.Highest = stream.Received.Count == 1 ? sequence : Math.Max(stream.Highest, sequence);
    }

    /// <summary>The counts as they stand (call once every event is in).</summary>
    public LedgerCounts Count()
    {
        long lost = 0;
        long unacked = 0;
        long acknowledged = 0;
        foreach (var (sender, sequence) in _sent)
        {
            if (!_acknowledged.Contains((sender, sequence)))
            {
                unacked++;
                continue;
            }

            acknowledged++;
            foreach (var receiver in _clients)
            {
                if (receiver != sender && !(_streams.TryGetValue((receiver, sender), out var stream) && stream.Received.Contains(sequence)))
                {
                    lost++;
                }
            }
        }

        long unexpected = _selfDeliveries;
        foreach (var ((receiver, sender), stream) in _streams)
        {
            unexpected += _clientSet.Contains(receiver)
                ? stream.Received.Count(s => !_sent.Contains((sender, s)))
                : stream.Received.Count;
        }

        return new LedgerCounts(_sent.Count, acknowledged, _deliveries, lost, _duplicated, _reordered, unacked, unexpected);
    }

    private sealed class Stream
    {
        public HashSet<long> Received { get; } = [];

        public long Highest { get; set; }
    }
}
