namespace ApartiumChat.Reports.Results;

/// <summary>
/// The figure names of SCENARIOS.md ("What is measured"), spelled as scenario files and
/// results.json spell them. One list, so that the report, the CSV and the JSON agree on order.
/// </summary>
public static class FigureNames
{
    public const string DetectionMs = "detectionMs";
    public const string FailoverMs = "failoverMs";
    public const string FirstDeliveryMs = "firstDeliveryMs";
    public const string FailbackMs = "failbackMs";

    public const string Lost = "lost";
    public const string Duplicated = "duplicated";
    public const string Reordered = "reordered";
    public const string Unacked = "unacked";
    public const string Undetected = "undetected";
    public const string Failovers = "failovers";
    public const string Failbacks = "failbacks";
    public const string FalseFailovers = "falseFailovers";
    public const string FailedSends = "failedSends";

    // Context counts: not bounded by the contract, but a report without them cannot be read.
    public const string Sent = "sent";
    public const string Acknowledged = "acknowledged";
    public const string Delivered = "delivered";

    public const string EndOn = "endOn";

    /// <summary>The timing figures, in report order.</summary>
    public static IReadOnlyList<string> Timings { get; } = [DetectionMs, FailoverMs, FirstDeliveryMs, FailbackMs];

    /// <summary>The count figures, in report order.</summary>
    public static IReadOnlyList<string> Counts { get; } =
        [Lost, Duplicated, Reordered, Unacked, Undetected, Failovers, Failbacks, FalseFailovers, FailedSends, Sent, Acknowledged, Delivered];
}
