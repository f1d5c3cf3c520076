namespace ApartiumChat.Scenarios.Observations;

/// <summary>
/// Everything observed in one trial, engine-neutral: the events in journal order, where each
/// client ended up, and when the trial's checks were made. The calculators read only this.
/// </summary>
public sealed record TrialObservation
{
    /// <summary>Server ids, s0..</summary>
    public required IReadOnlyList<string> Servers { get; init; }

    /// <summary>Client ids, c0..: every client is a receiver of every message but its own.</summary>
    public required IReadOnlyList<string> Clients { get; init; }

    /// <summary>The events in the order they were journaled.</summary>
    public required IReadOnlyList<TrialEvent> Events { get; init; }

    /// <summary>The server each client was on when quiescence was checked; null or absent: not registered anywhere.</summary>
    public IReadOnlyDictionary<string, string?> FinalServers { get; init; } = new Dictionary<string, string?>();

    /// <summary>When the fault timeline ended (ms since the workload start).</summary>
    public double TimelineEndMs { get; init; }

    /// <summary>When the quiescence check was made: the end of the trial.</summary>
    public double EndMs { get; init; }

    /// <summary>Whether the cluster quiesced within quiesceMs (if not, what was missing counts as lost or unacked).</summary>
    public bool Quiesced { get; init; } = true;

    public string? FinalServer(string client) => FinalServers.GetValueOrDefault(client);
}
