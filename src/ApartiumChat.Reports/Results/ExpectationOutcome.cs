namespace ApartiumChat.Reports.Results;

/// <summary>
/// One expectation of the scenario and how the run met it. <see cref="Figure"/> names the
/// figure and, for timings and ranges, the bound (<c>detectionMs.p99</c>, <c>failovers.min</c>);
/// <see cref="Comparison"/> is how actual is compared with bound (<c>&lt;=</c>, <c>&gt;=</c>, <c>=</c>).
/// </summary>
public sealed record ExpectationOutcome(
    string Figure,
    string Comparison,
    FigureValue Bound,
    FigureValue Actual,
    bool Held,
    string? Note = null);
