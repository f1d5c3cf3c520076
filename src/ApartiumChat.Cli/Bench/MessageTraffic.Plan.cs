namespace ApartiumChat.Cli.Bench;

/// <summary>Who joins which channel and who sends, per workload; and the sender's window.</summary>
internal sealed partial class MessageTraffic
{
    private TrafficPlan Plan()
    {
        var n = _settings.Clients;
        return _workload switch
        {
            // Receivers 0..n-1 join first, the sender (n) last: it sees no JOIN flood.
            BenchWorkload.FanOut => new TrafficPlan(n + 1, [new ChannelPlan(0, [.. Enumerable.Range(0, n + 1)], [n])]),
            BenchWorkload.Chatter => new TrafficPlan(n, [new ChannelPlan(0, [.. Enumerable.Range(0, n)], [.. Enumerable.Range(0, n)])]),
            _ => new TrafficPlan(2 * n, [.. Enumerable.Range(0, n).Select(i => new ChannelPlan(i, [2 * i, 2 * i + 1], [2 * i]))]),
        };
    }

    private sealed record TrafficPlan(int Clients, IReadOnlyList<ChannelPlan> Channels);

    private sealed record ChannelPlan(int Number, IReadOnlyList<int> Members, IReadOnlyList<int> Senders);

    /// <summary>
    /// A sending client and how far each member of its channel has got with its messages
    /// (IRC servers do not echo a message to its sender: its own slot is ignored).
    /// </summary>
    private sealed class Sender
    {
        private readonly long[] _received;
        private readonly int _self;

        public Sender(LoadClient client, byte[] target, int members)
        {
            Client = client;
            Target = target;
            Index = client.Index;
            _received = new long[members];
            _self = client.Slot;
        }

        public LoadClient Client { get; }

        public byte[] Target { get; }

        public int Index { get; }

        /// <summary>Written by the send loop only.</summary>
        public long Sent { get; set; }

        /// <summary>Called by the receiver in <paramref name="slot"/>'s read loop only.</summary>
        public void Acknowledge(int slot) => Volatile.Write(ref _received[slot], _received[slot] + 1);

        /// <summary>Sent and not yet received by the slowest receiver.</summary>
        public int InFlight()
        {
            var slowest = long.MaxValue;
            for (var i = 0; i < _received.Length; i++)
            {
                if (i != _self)
                {
                    slowest = Math.Min(slowest, Volatile.Read(ref _received[i]));
                }
            }

            return (int)Math.Min(int.MaxValue, Sent - slowest);
        }
    }
}
