namespace ApartiumChat.Reports.Results;

/// <summary>Every figure of a run or of one trial, timings and counts, in report order.</summary>
public sealed record FigureSet(IReadOnlyList<TimingFigure> Timings, IReadOnlyList<CountFigure> Counts)
{
    public static FigureSet Empty { get; } = new([], []);

    public TimingSummary Timing(string name) =>
        Timings.FirstOrDefault(t => t.Name == name)?.Summary ?? TimingSummary.Empty;

    public long Count(string name) => Counts.FirstOrDefault(c => c.Name == name)?.Value ?? 0;
}
