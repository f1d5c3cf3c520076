namespace ApartiumChat.Scenarios.Model;

/// <summary>
/// One entry of a scenario's fault timeline. Server faults use <see cref="AtMs"/>,
/// <see cref="Type"/> and <see cref="Server"/>; link faults add the link fields, and each type
/// its own parameters (null when the type has none).
/// </summary>
public sealed record Fault
{
    /// <summary>The fault's position in the file's <c>faults</c> array (0-based); names it in journals and reports.</summary>
    public int Index { get; init; }

    /// <summary>When the fault fires, in ms from the start of the workload (0..durationMs).</summary>
    public required int AtMs { get; init; }

    public required FaultType Type { get; init; }

    /// <summary>The server (server faults) or the server end of the links (link faults).</summary>
    public required string Server { get; init; }

    /// <summary>Link faults: the clients whose links it acts on; null means every client.</summary>
    public IReadOnlyList<string>? Clients { get; init; }

    /// <summary>Link faults: the direction acted on. Default both.</summary>
    public LinkDirection Direction { get; init; } = LinkDirection.Both;

    /// <summary>Link faults: heal after this long; null means until a heal or the end of the timeline.</summary>
    public int? ForMs { get; init; }

    /// <summary>Link faults: the probability (0..1), drawn once per fault and client, that it applies to that client's link. Default 1.</summary>
    public double Toxicity { get; init; } = 1;

    /// <summary><c>latency</c>: added delay in ms.</summary>
    public int? LatencyMs { get; init; }

    /// <summary><c>latency</c>: uniform jitter (±) in ms. Default 0.</summary>
    public int? JitterMs { get; init; }

    /// <summary><c>bandwidth</c>: the limit in kilobytes per second.</summary>
    public int? RateKBps { get; init; }

    /// <summary><c>slicer</c>: the average piece size in bytes.</summary>
    public int? AverageBytes { get; init; }

    /// <summary><c>slicer</c>: the ± variation of the piece size in bytes. Default 0.</summary>
    public int? VariationBytes { get; init; }

    /// <summary><c>slicer</c>: the delay between pieces in microseconds. Default 0.</summary>
    public int? DelayUs { get; init; }

    public FaultKind Kind => FaultTypes.KindOf(Type);

    /// <summary>When the fault heals by itself (<see cref="AtMs"/> + <see cref="ForMs"/>), if it does.</summary>
    public int? HealsAtMs => ForMs is { } forMs ? AtMs + forMs : null;

    /// <summary>The clients the fault names, with "every client" spelled out.</summary>
    public IReadOnlyList<string> TargetClients(IReadOnlyList<string> allClients) => Clients ?? allClients;

    /// <summary>"crash s0", "partition s0 (c2)", "latency s1 (3 clients)".</summary>
    public string Label
    {
        get
        {
            var name = $"{FaultTypes.Name(Type)} {Server}";
            return Clients switch
            {
                null => name,
                [var one] => $"{name} ({one})",
                _ => $"{name} ({Clients.Count} clients)",
            };
        }
    }
}
