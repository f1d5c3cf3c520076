using ApartiumChat.Server.Cluster;

namespace ApartiumChat.Scenarios.Execution;

/// <summary>
/// Where a test may substitute a component of a trial. The shipped runner never sets one; the
/// fault-search tests use it to plant a known bug (a cluster that forgets what it was told)
/// and show that the search finds it. Keep it small: every seam is a place where a trial is
/// no longer the product.
/// </summary>
public sealed record TrialSeams
{
    public static TrialSeams None { get; } = new();

    /// <summary>
    /// Wraps the cluster bus the trial's servers share (given the real one). Null: the real
    /// <see cref="InProcessClusterBus"/>.
    /// </summary>
    public Func<IClusterBus, IClusterBus>? ClusterBus { get; init; }
}
