using ApartiumChat.Scenarios.Model;

namespace ApartiumChat.Simulation.Tests.Search;

/// <summary>
/// A fault and its end, as one unit the search adds or removes whole: removing an episode
/// never leaves a timeline that cannot happen (a restart without its crash).
/// </summary>
public abstract record Episode(int Server, int StartMs)
{
    /// <summary>When its last fault fires: by then the episode has healed what it broke.</summary>
    public abstract int EndMs { get; }

    public abstract IEnumerable<PlannedFault> Faults();

    /// <summary>The episode without client <paramref name="client"/> (the highest); null when nothing would be left.</summary>
    public virtual Episode? WithoutClient(int client) => this;

    /// <summary>Simpler versions of this episode, simplest first.</summary>
    public virtual IEnumerable<Episode> Shrink() => [];

    public bool Overlaps(Episode other) => Server == other.Server && StartMs <= other.EndMs && other.StartMs <= EndMs;
}

/// <summary>What a server episode does to the server, and how it comes back.</summary>
public enum Outage
{
    /// <summary>crash, later restart.</summary>
    Crash,

    /// <summary>hang, later unhang.</summary>
    Hang,

    /// <summary>hang, then crash while hung, later restart.</summary>
    HangThenCrash,

    /// <summary>shutdown (graceful), later restart.</summary>
    Shutdown,
}

/// <summary>A server goes away at <c>StartMs</c> and is back at <see cref="EndMs"/>.</summary>
public sealed record ServerEpisode(Outage Outage, int Server, int StartMs, int BackAtMs) : Episode(Server, StartMs)
{
    public override int EndMs => BackAtMs;

    public override IEnumerable<PlannedFault> Faults() => Outage switch
    {
        Outage.Crash => [new(StartMs, 0, FaultType.Crash, Server), new(EndMs, 2, FaultType.Restart, Server)],
        Outage.Hang => [new(StartMs, 0, FaultType.Hang, Server), new(EndMs, 2, FaultType.Unhang, Server)],
        Outage.HangThenCrash =>
        [
            new(StartMs, 0, FaultType.Hang, Server),
            new((StartMs + EndMs) / 2, 1, FaultType.Crash, Server),
            new(EndMs, 2, FaultType.Restart, Server),
        ],
        _ => [new(StartMs, 0, FaultType.Shutdown, Server), new(EndMs, 2, FaultType.Restart, Server)],
    };

    public override IEnumerable<Episode> Shrink()
    {
        if (Outage == Outage.HangThenCrash)
        {
            yield return this with { Outage = Outage.Crash };
        }

        if (EndMs - StartMs > 20)
        {
            yield return this with { BackAtMs = StartMs + ((EndMs - StartMs) / 2) };
        }
    }

    public override string ToString() => $"{Outage} s{Server} {StartMs}..{EndMs}";
}

/// <summary>
/// A link fault on some clients' links to a server from <c>StartMs</c>, ended by its
/// forMs or by a heal (a reset acts at an instant and needs neither).
/// </summary>
public sealed record LinkEpisode(FaultType Type, int Server, int StartMs) : Episode(Server, StartMs)
{
    /// <summary>The clients (indexes); null: every client.</summary>
    public IReadOnlyList<int>? Clients { get; init; }

    public LinkDirection Direction { get; init; } = LinkDirection.Both;

    /// <summary>How long it lasts, as the fault's own forMs; null: a heal at <see cref="HealAtMs"/> ends it.</summary>
    public int? ForMs { get; init; }

    public int? HealAtMs { get; init; }

    public double Toxicity { get; init; } = 1;

    public int? LatencyMs { get; init; }

    public int? JitterMs { get; init; }

    public int? RateKBps { get; init; }

    public int? AverageBytes { get; init; }

    public int? VariationBytes { get; init; }

    public int? DelayUs { get; init; }

    public override int EndMs => HealAtMs ?? (StartMs + (ForMs ?? 0));

    public override IEnumerable<PlannedFault> Faults()
    {
        yield return new PlannedFault(StartMs, 0, Type, Server, Clients, Direction, ForMs, Toxicity, LatencyMs, JitterMs, RateKBps, AverageBytes, VariationBytes, DelayUs);
        if (HealAtMs is { } healAt)
        {
            yield return new PlannedFault(healAt, 2, FaultType.Heal, Server, Clients);
        }
    }

    public override Episode? WithoutClient(int client)
    {
        if (Clients is null)
        {
            return this;
        }

        var left = Clients.Where(c => c != client).ToList();
        return left.Count == 0 ? null : this with { Clients = left };
    }

    public override IEnumerable<Episode> Shrink()
    {
        if (Toxicity < 1)
        {
            yield return this with { Toxicity = 1 };
        }

        if (Clients is { Count: > 1 } clients)
        {
            yield return this with { Clients = [clients[0]] };
        }

        if (JitterMs is > 0)
        {
            yield return this with { JitterMs = 0 };
        }

        if (ForMs is > 20 and var forMs)
        {
            yield return this with { ForMs = forMs / 2 };
        }

        if (HealAtMs is { } healAt && healAt - StartMs > 20)
        {
            yield return this with { HealAtMs = StartMs + ((healAt - StartMs) / 2) };
        }
    }

    public override string ToString()
    {
        var who = Clients is null ? "all" : string.Join(",", Clients.Select(c => "c" + c));
        var end = HealAtMs is { } h ? $"heal@{h}" : ForMs is { } f ? $"for {f}" : "instant";
        return $"{FaultTypes.Name(Type)} s{Server} [{who}] {Direction} @{StartMs} {end}";
    }
}
