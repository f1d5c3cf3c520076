using ApartiumChat.Faults.Chains;

namespace ApartiumChat.Faults.Toxics;

/// <summary>
/// What a toxic does and its settings: one sealed record per toxic type (<see cref="LatencyToxic"/>,
/// <see cref="BandwidthToxic"/>, ...). The set is closed: the proxy knows how to run each one.
/// </summary>
public abstract record ToxicAttributes
{
    private protected ToxicAttributes()
    {
    }

    /// <summary>The Toxiproxy type name, such as <c>latency</c>.</summary>
    public abstract string Type { get; }

    /// <summary>Every problem with the values, or an empty list when they are valid.</summary>
    public abstract IReadOnlyList<string> Validate();

    /// <summary>
    /// The per-link, per-direction state of this toxic, or <c>null</c> when the toxic acts on
    /// connections as they arrive rather than on their bytes (<see cref="RefuseToxic"/>).
    /// </summary>
    internal abstract ToxicStage? CreateStage(StageContext context);

    /// <summary>Longest duration a toxic accepts, in milliseconds (timers cannot go further).</summary>
    internal const long MaxMilliseconds = int.MaxValue;

    private protected static void RequireRange(List<string> problems, string field, long value, long min, long max)
    {
        if (value < min || value > max)
        {
            problems.Add($"{field} must be from {min} to {max}, not {value}");
        }
    }
}
