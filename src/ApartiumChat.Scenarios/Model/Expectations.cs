namespace ApartiumChat.Scenarios.Model;

/// <summary>
/// The <c>expect</c> section. Counts bound the sum over all trials; timings bound percentiles
/// over all samples of all trials; <see cref="Failovers"/> and <see cref="Failbacks"/> bound
/// each trial; <see cref="EndOn"/> names the server every client must end on. Null: not bounded.
/// </summary>
public sealed record Expectations
{
    public static Expectations None { get; } = new();

    public long? Lost { get; init; }

    public long? Duplicated { get; init; }

    public long? Reordered { get; init; }

    public long? Unacked { get; init; }

    public long? Undetected { get; init; }

    public long? FalseFailovers { get; init; }

    public long? FailedSends { get; init; }

    public TimingBound? DetectionMs { get; init; }

    public TimingBound? FailoverMs { get; init; }

    public TimingBound? FirstDeliveryMs { get; init; }

    public TimingBound? FailbackMs { get; init; }

    public CountRange? Failovers { get; init; }

    public CountRange? Failbacks { get; init; }

    public string? EndOn { get; init; }
}
