namespace ApartiumChat.Reports.Results;

/// <summary>
/// One trial: its index (1-based), the seed it ran with, its figures, and the expectations it
/// broke on its own (so the report can point at trials to replay). A trial that broke (the
/// run itself failed: an exception, a cluster that never formed) has <see cref="Error"/> set
/// and no figures.
/// </summary>
public sealed record TrialResult(
    int Index,
    long Seed,
    FigureSet Figures,
    IReadOnlyList<string> FailedExpectations,
    bool Quiesced = true,
    string? Error = null)
{
    public bool Broken => Error is not null;

    public bool Failed => Broken || FailedExpectations.Count > 0;
}
