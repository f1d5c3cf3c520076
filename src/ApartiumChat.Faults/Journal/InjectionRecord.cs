namespace ApartiumChat.Faults.Journal;

/// <summary>One entry of the <see cref="InjectionJournal"/>.</summary>
/// <param name="At">When it happened, on the proxy's clock.</param>
/// <param name="Proxy">The proxy it happened on.</param>
/// <param name="Key">Fault, client and connection.</param>
/// <param name="Kind">What happened.</param>
/// <param name="Applied">For a decision: whether the fault applies; otherwise true.</param>
/// <param name="Draw">For a decision: the uniform draw in [0, 1) compared with the toxicity.</param>
/// <param name="Toxicity">For a decision: the share it was compared with.</param>
/// <param name="ChunkSeed">For a decision that applied: the seed of the per-chunk draws (jitter, slice sizes).</param>
/// <param name="Detail">Free text (what fired, how many connections were reset).</param>
public sealed record InjectionRecord(
    DateTimeOffset At,
    string Proxy,
    InjectionKey Key,
    InjectionKind Kind,
    bool Applied,
    double? Draw = null,
    double? Toxicity = null,
    int? ChunkSeed = null,
    string? Detail = null);
