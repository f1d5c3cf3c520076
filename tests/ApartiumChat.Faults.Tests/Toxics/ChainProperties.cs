using ApartiumChat.Faults.Tests.Support;
using ApartiumChat.Faults.Toxics;
using ApartiumChat.Transport;
using FsCheck;
using FsCheck.Fluent;
using PropertyAttribute = FsCheck.NUnit.PropertyAttribute;

namespace ApartiumChat.Faults.Tests.Toxics;

/// <summary>
/// The proxy's core promise: toxics that only slow bytes down or cut them up never lose,
/// duplicate or reorder one, whatever the chain, the split of the writes, or a removal while
/// bytes are in flight.
/// </summary>
public sealed class ChainProperties
{
    [Property(MaxTest = 80)]
    public Property AnyChainOfNonDestructiveToxics_DeliversEveryByte_InOrder_BothWays() =>
        Prop.ForAll(Arb.From(Scenarios()), scenario => Deliver(scenario));

    private static bool Deliver(Scenario scenario)
    {
        var ok = false;
        SimulatedProxy.Run(
            async sim =>
            {
                var (client, server) = await sim.ConnectAsync();
                for (var i = 0; i < scenario.Toxics.Count; i++)
                {
                    var (attributes, stream, removeAfterMs) = scenario.Toxics[i];
                    var name = $"t{i}";
                    sim.Proxy.AddToxic(Toxic.Create(attributes, stream, name), removeAfterMs is { } ms ? TimeSpan.FromMilliseconds(ms) : null);
                }

                var up = ConnectionExtensions.Pattern(scenario.UpBytes, seed: 3);
                var down = ConnectionExtensions.Pattern(scenario.DownBytes, seed: 5);
                var atServer = server.ReadToEndAsync();
                var atClient = client.ReadToEndAsync();
                await Task.WhenAll(
                    SendAsync(sim, client, up, scenario.Writes),
                    SendAsync(sim, server, down, scenario.Writes));

                ok = (await atServer).AsSpan().SequenceEqual(up) && (await atClient).AsSpan().SequenceEqual(down);
            },
            FaultProxyOptions.Default with { Seed = scenario.Seed });
        return ok;
    }

    private static async Task SendAsync(SimulatedProxy sim, IConnection connection, byte[] payload, IReadOnlyList<(int Size, int GapMs)> writes)
    {
        var offset = 0;
        for (var i = 0; offset < payload.Length; i++)
        {
            var (size, gap) = writes[i % writes.Count];
            var length = Math.Min(size, payload.Length - offset);
            await connection.Transport.Output.WriteAsync(payload.AsMemory(offset, length));
            offset += length;
            if (gap > 0)
            {
                await sim.DelayAsync(gap);
            }
        }

        await connection.FinishAsync();
    }

    private static Gen<Scenario> Scenarios() =>
        from toxics in Gen.ListOf(AnyToxic()).Select(list => list.Take(4).ToList())
        from upBytes in Gen.Choose(0, 20_000)
        from downBytes in Gen.Choose(0, 20_000)
        from writes in Gen.NonEmptyListOf(Gen.Choose(1, 5000).Zip(Gen.Choose(0, 20))).Select(list => list.Take(8).ToList())
        from seed in Gen.Choose(0, 1000)
        select new Scenario(toxics, upBytes, downBytes, writes, seed);

    private static Gen<(ToxicAttributes Attributes, ToxicStream Stream, int? RemoveAfterMs)> AnyToxic() =>
        from attributes in Gen.OneOf(Latency(), Bandwidth(), Slicer())
        from stream in Gen.Elements(ToxicStream.Upstream, ToxicStream.Downstream)
        from remove in Gen.OneOf(Gen.Constant<int?>(null), Gen.Choose(0, 3000).Select(ms => (int?)ms))
        select (attributes, stream, remove);

    private static Gen<ToxicAttributes> Latency() =>
        from latency in Gen.Choose(0, 200)
        from jitter in Gen.Choose(0, 100)
        select (ToxicAttributes)new LatencyToxic { LatencyMs = latency, JitterMs = jitter };

    private static Gen<ToxicAttributes> Bandwidth() =>
        Gen.Choose(1, 200).Select(rate => (ToxicAttributes)new BandwidthToxic { RateKBps = rate });

    private static Gen<ToxicAttributes> Slicer() =>
        from average in Gen.Choose(1, 64)
        from variation in Gen.Choose(0, 32)
        from delay in Gen.Choose(0, 5000)
        select (ToxicAttributes)new SlicerToxic { AverageSize = average, SizeVariation = variation, DelayUs = delay };

    internal sealed record Scenario(
        IReadOnlyList<(ToxicAttributes Attributes, ToxicStream Stream, int? RemoveAfterMs)> Toxics,
        int UpBytes,
        int DownBytes,
        IReadOnlyList<(int Size, int GapMs)> Writes,
        int Seed)
    {
        public override string ToString() =>
            $"toxics [{string.Join(", ", Toxics.Select(t => $"{t.Attributes} {t.Stream} remove@{t.RemoveAfterMs}"))}], up {UpBytes} B, down {DownBytes} B, writes [{string.Join(" ", Writes)}], seed {Seed}";
    }
}
