using ApartiumChat.Scenarios.Measurement;

namespace ApartiumChat.Scenarios.Tests.Measurement;

/// <summary>
/// A synthetic delivery history with planted faults and the counts they must produce. Per
/// (receiver, sender) stream, each message of the sender is, independently:
/// <list type="bullet">
/// <item>lost (acknowledged, never delivered to that receiver): +1 lost;</item>
/// <item>delayed until after a later, kept message: +1 reordered;</item>
/// <item>followed at once by 1-2 extra copies: +1 duplicated per copy;</item>
/// <item>or delivered plainly.</item>
/// </list>
/// Unacknowledged messages count once each and are never lost. Streams of different pairs are
/// interleaved at random: only the order within a pair matters.
/// </summary>
internal sealed record LedgerHistory(
    IReadOnlyList<string> Clients,
    IReadOnlyList<(string Sender, long Sequence, bool Acked)> Messages,
    IReadOnlyList<(string Receiver, string Sender, long Sequence)> Deliveries,
    long Lost,
    long Duplicated,
    long Reordered,
    long Unacked)
{
    public static LedgerHistory Generate(int seed, bool plant)
    {
        var random = new Random(seed);
        var clients = Enumerable.Range(0, random.Next(2, 6)).Select(i => $"c{i}").ToList();
        var messages = new List<(string, long, bool)>();
        var streams = new List<List<(string, string, long)>>();
        long lost = 0, duplicated = 0, reordered = 0, unacked = 0;

        foreach (var sender in clients)
        {
            var count = random.Next(0, 9);
            var first = random.Next(0, 3);
            var sequences = Enumerable.Range(first, count).Select(s => (long)s).ToList();
            var acked = sequences.ToDictionary(s => s, _ => !plant || random.Next(6) > 0);
            messages.AddRange(sequences.Select(s => (sender, s, acked[s])));
            unacked += acked.Values.Count(a => !a);

            foreach (var receiver in clients.Where(c => c != sender))
            {
                var fate = sequences.ToDictionary(s => s, _ => plant ? random.Next(8) : 7);
                // Only acknowledged messages can be lost; an unacknowledged one may simply not arrive.
                var missing = sequences.Where(s => fate[s] == 0 || (!acked[s] && fate[s] == 1)).ToHashSet();
                lost += sequences.Count(s => fate[s] == 0 && acked[s]);
                var kept = sequences.Where(s => !missing.Contains(s) && fate[s] != 2).ToList();
                var stream = kept.Select(s => (receiver, sender, s)).ToList();

                foreach (var delayed in sequences.Where(s => fate[s] == 2 && !missing.Contains(s)))
                {
                    var later = kept.Where(k => k > delayed).ToList();
                    if (later.Count == 0)
                    {
                        // Nothing later to come after: delivered in place, in order.
                        var at = stream.FindIndex(d => d.Item3 > delayed);
                        stream.Insert(at < 0 ? stream.Count : at, (receiver, sender, delayed));
                        continue;
                    }

                    var target = later[random.Next(later.Count)];
                    stream.Insert(stream.FindIndex(d => d.Item3 == target) + 1, (receiver, sender, delayed));
                    reordered++;
                }

                foreach (var copied in sequences.Where(s => fate[s] == 3 && !missing.Contains(s)))
                {
                    var copies = random.Next(1, 3);
                    var at = stream.FindIndex(d => d.Item3 == copied);
                    for (var c = 0; c < copies; c++)
                    {
                        stream.Insert(at + 1, (receiver, sender, copied));
                    }

                    duplicated += copies;
                }

                streams.Add(stream);
            }
        }

        return new LedgerHistory(clients, messages, Interleave(streams, random), lost, duplicated, reordered, unacked);
    }

    private static List<(string, string, long)> Interleave(List<List<(string, string, long)>> streams, Random random)
    {
        var positions = new int[streams.Count];
        var merged = new List<(string, string, long)>();
        while (true)
        {
            var open = Enumerable.Range(0, streams.Count).Where(i => positions[i] < streams[i].Count).ToList();
            if (open.Count == 0)
            {
                return merged;
            }

            var pick = open[random.Next(open.Count)];
            merged.Add(streams[pick][positions[pick]++]);
        }
    }

    public LedgerCounts Count()
    {
        var ledger = new MessageLedger(Clients);
        foreach (var (sender, sequence, acked) in Messages)
        {
            ledger.Sent(sender, sequence);
            if (acked)
            {
                ledger.Acknowledged(sender, sequence);
            }
        }

        foreach (var (receiver, sender, sequence) in Deliveries)
        {
            ledger.Delivered(receiver, sender, sequence);
        }

        return ledger.Count();
    }
}
