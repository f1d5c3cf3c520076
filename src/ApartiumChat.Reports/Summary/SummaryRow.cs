namespace ApartiumChat.Reports.Summary;

/// <summary>
/// One line of the console summary, already formatted. Timings fill the percentile columns;
/// counts fill only <see cref="MaxOrCount"/>. <see cref="Held"/> is null when the scenario
/// sets no bound on this figure.
/// </summary>
public sealed record SummaryRow(
    string Figure,
    string N,
    string P50,
    string P90,
    string P99,
    string MaxOrCount,
    string Bound,
    bool? Held)
{
    /// <summary>The verdict column: "held", "FAILED", or empty when nothing is bounded.</summary>
    public string Verdict => Held switch
    {
        true => "held",
        false => "FAILED",
        null => "",
    };
}
