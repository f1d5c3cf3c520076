namespace ApartiumChat.Scenarios.Trials;

/// <summary>
/// Independent random streams of one trial. Each purpose draws from its own stream so that,
/// for example, a change in how many workload draws happen never shifts the network's jitter.
/// </summary>
public enum TrialStream
{
    /// <summary>Workload timing and payload padding.</summary>
    Workload = 1,

    /// <summary>Toxic randomness: latency jitter, slicer sizes.</summary>
    Network = 2,

    /// <summary>The engines' own randomness in simulation (ids, backoff jitter).</summary>
    Engines = 3,
}
