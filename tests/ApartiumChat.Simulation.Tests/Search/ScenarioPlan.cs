using System.Globalization;
using System.Text;
using System.Text.Json;
using ApartiumChat.Scenarios.Model;

namespace ApartiumChat.Simulation.Tests.Search;

/// <summary>
/// A generated scenario, in the terms the search shrinks: a cluster, client settings, a
/// workload and fault episodes, each episode complete (every fault it starts it also ends
/// before the timeline does). <see cref="ToJson()"/> writes it as a scenario file
/// (scenarios/scenario.schema.json) that <c>apartium scenario run</c> replays: one trial, in
/// sim, with the plan's seed.
/// </summary>
public sealed record ScenarioPlan
{
    public required long Seed { get; init; }

    public required int Servers { get; init; }

    public required int Clients { get; init; }

    /// <summary>Priority order of the servers (indexes); null: s0, s1, ...</summary>
    public IReadOnlyList<int>? ServerOrder { get; init; }

    public required int HeartbeatIntervalMs { get; init; }

    public required int HeartbeatTimeoutMs { get; init; }

    public required int ReconnectBaseMs { get; init; }

    public required int ReconnectMaxMs { get; init; }

    public required bool Failback { get; init; }

    public required int FailbackHoldDownMs { get; init; }

    public required double RatePerClient { get; init; }

    /// <summary>How many clients send; null: all.</summary>
    public int? Senders { get; init; }

    public required int MessageBytes { get; init; }

    public required int DurationMs { get; init; }

    public required IReadOnlyList<Episode> Episodes { get; init; }

    /// <summary>What the scenario's <c>expect</c> section states (the properties, as a file can state them).</summary>
    public Expectation Expect { get; init; } = Expectation.Ledger;

    /// <summary>Generous: the checks are made as soon as everything has converged, so a long bound costs nothing.</summary>
    public int QuiesceMs { get; init; } = 60_000;

    /// <summary>The server clients should end on: the first in priority order (every fault is healed by the end).</summary>
    public string PreferredServer => Id("s", (ServerOrder ?? [0])[0]);

    /// <summary>A stable name for the plan's file: its content hashed.</summary>
    public string Name => "search-" + StableHash(ToJson(named: false)).ToString("x8", CultureInfo.InvariantCulture);

    /// <summary>The faults in time order (file order = time order, ends after starts at equal times).</summary>
    public IReadOnlyList<PlannedFault> Faults() =>
        [.. Episodes.SelectMany(e => e.Faults()).OrderBy(f => f.AtMs).ThenBy(f => f.Order)];

    public string ToJson() => ToJson(named: true);

    /// <summary>The whole plan on one line, for logs.</summary>
    public override string ToString() =>
        $"seed {Seed}: {Servers} servers, {Clients} clients, {RatePerClient} msg/s, {DurationMs} ms, {Episodes.Count} episode(s): "
        + string.Join("; ", Episodes.Select(e => e.ToString()));

    private string ToJson(bool named)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "../../scenarios/scenario.schema.json");
            json.WriteString("name", named ? Name : "search");
            json.WriteString("description", "Found by the fault search (tests/ApartiumChat.Simulation.Tests). Replays exactly in sim: apartium scenario run FILE.");
            json.WriteNumber("seed", Seed);
            json.WriteNumber("trials", 1);
            json.WriteString("mode", "sim");
            json.WriteNumber("servers", Servers);
            json.WriteNumber("clients", Clients);
            WriteClient(json);
            WriteWorkload(json);
            json.WriteNumber("durationMs", DurationMs);
            json.WriteStartArray("faults");
            foreach (var fault in Faults())
            {
                fault.Write(json);
            }

            json.WriteEndArray();
            json.WriteNumber("quiesceMs", QuiesceMs);
            WriteExpect(json);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private void WriteClient(Utf8JsonWriter json)
    {
        json.WriteStartObject("client");
        if (ServerOrder is { } order)
        {
            json.WriteStartArray("serverOrder");
            foreach (var server in order)
            {
                json.WriteStringValue(Id("s", server));
            }

            json.WriteEndArray();
        }

        json.WriteNumber("heartbeatIntervalMs", HeartbeatIntervalMs);
        json.WriteNumber("heartbeatTimeoutMs", HeartbeatTimeoutMs);
        json.WriteNumber("reconnectBaseMs", ReconnectBaseMs);
        json.WriteNumber("reconnectMaxMs", ReconnectMaxMs);
        json.WriteBoolean("failback", Failback);
        json.WriteNumber("failbackHoldDownMs", FailbackHoldDownMs);
        json.WriteEndObject();
    }

    private void WriteWorkload(Utf8JsonWriter json)
    {
        json.WriteStartObject("workload");
        json.WriteString("channel", "#lobby");
        if (Senders is { } senders)
        {
            json.WriteNumber("senders", senders);
        }

        json.WriteNumber("ratePerClient", RatePerClient);
        json.WriteNumber("messageBytes", MessageBytes);
        json.WriteEndObject();
    }

    private void WriteExpect(Utf8JsonWriter json)
    {
        json.WriteStartObject("expect");
        json.WriteNumber("lost", 0);
        json.WriteNumber("duplicated", 0);
        json.WriteNumber("reordered", 0);
        json.WriteNumber("unacked", 0);
        if (Expect == Expectation.NoFailover)
        {
            json.WriteNumber("falseFailovers", 0);
            json.WriteStartObject("failovers");
            json.WriteNumber("min", 0);
            json.WriteNumber("max", 0);
            json.WriteEndObject();
        }

        if (Failback)
        {
            json.WriteString("endOn", PreferredServer);
        }

        json.WriteEndObject();
    }

    internal static string Id(string prefix, int index) => prefix + index.ToString(CultureInfo.InvariantCulture);

    private static uint StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}

/// <summary>Which properties a plan is checked against (and its file states).</summary>
public enum Expectation
{
    /// <summary>Nothing lost, duplicated, reordered or unacked; with fail-back, everyone on the preferred server.</summary>
    Ledger,

    /// <summary>All of that, and no failover at all: every link stayed within the heartbeat budget.</summary>
    NoFailover,
}

/// <summary>One fault of a plan, ready to write; <see cref="Order"/> sorts starts before ends at equal times.</summary>
public sealed record PlannedFault(int AtMs, int Order, FaultType Type, int Server, IReadOnlyList<int>? Clients = null, LinkDirection Direction = LinkDirection.Both,
    int? ForMs = null, double Toxicity = 1, int? LatencyMs = null, int? JitterMs = null, int? RateKBps = null,
    int? AverageBytes = null, int? VariationBytes = null, int? DelayUs = null)
{
    public void Write(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteNumber("atMs", AtMs);
        json.WriteString("type", FaultTypes.Name(Type));
        json.WriteString("server", ScenarioPlan.Id("s", Server));
        if (FaultTypes.KindOf(Type) == FaultKind.Link)
        {
            if (Clients is { } clients)
            {
                json.WriteStartArray("clients");
                foreach (var client in clients)
                {
                    json.WriteStringValue(ScenarioPlan.Id("c", client));
                }

                json.WriteEndArray();
            }

            if (Type != FaultType.Heal)
            {
                WriteLinkFields(json);
            }
        }

        json.WriteEndObject();
    }

    private void WriteLinkFields(Utf8JsonWriter json)
    {
        if (Direction != LinkDirection.Both)
        {
            json.WriteString("direction", Direction == LinkDirection.Upstream ? "upstream" : "downstream");
        }

        Optional(json, "forMs", ForMs);
        if (Toxicity < 1)
        {
            json.WriteNumber("toxicity", Toxicity);
        }

        Optional(json, "latencyMs", LatencyMs);
        Optional(json, "jitterMs", JitterMs);
        Optional(json, "rateKBps", RateKBps);
        Optional(json, "averageBytes", AverageBytes);
        Optional(json, "variationBytes", VariationBytes);
        Optional(json, "delayUs", DelayUs);
    }

    private static void Optional(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
    }
}
