using ApartiumChat.Reports.Results;

namespace ApartiumChat.Scenarios.Measurement;

/// <summary>Every figure of one trial, with its samples (for pooled percentiles) and, optionally, its chart data.</summary>
public sealed record TrialFigures
{
    public IReadOnlyList<TimingSample> Detection { get; init; } = [];

    public IReadOnlyList<TimingSample> Failover { get; init; } = [];

    public IReadOnlyList<TimingSample> FirstDelivery { get; init; } = [];

    public IReadOnlyList<TimingSample> Failback { get; init; } = [];

    public LedgerCounts Ledger { get; init; } = LedgerCounts.Empty;

    public int Undetected { get; init; }

    public int Failovers { get; init; }

    public int Failbacks { get; init; }

    public int FalseFailovers { get; init; }

    public int FailedSends { get; init; }

    /// <summary>Each client and the server it ended on (null: none), in client order.</summary>
    public IReadOnlyList<(string Client, string? Server)> FinalServers { get; init; } = [];

    public bool Quiesced { get; init; } = true;

    public TrialChart? Chart { get; init; }

    /// <summary>The samples of a timing figure by its name (<c>detectionMs</c>, ...).</summary>
    public IReadOnlyList<TimingSample> Samples(string figure) => figure switch
    {
        FigureNames.DetectionMs => Detection,
        FigureNames.FailoverMs => Failover,
        FigureNames.FirstDeliveryMs => FirstDelivery,
        FigureNames.FailbackMs => Failback,
        _ => throw new ArgumentException($"'{figure}' is not a timing figure", nameof(figure)),
    };

    /// <summary>A count figure by its name (<c>lost</c>, <c>failovers</c>, ...).</summary>
    public long Count(string figure) => figure switch
    {
        FigureNames.Lost => Ledger.Lost,
        FigureNames.Duplicated => Ledger.Duplicated,
        FigureNames.Reordered => Ledger.Reordered,
        FigureNames.Unacked => Ledger.Unacked,
        FigureNames.Undetected => Undetected,
        FigureNames.Failovers => Failovers,
        FigureNames.Failbacks => Failbacks,
        FigureNames.FalseFailovers => FalseFailovers,
        FigureNames.FailedSends => FailedSends,
        FigureNames.Sent => Ledger.Sent,
        FigureNames.Acknowledged => Ledger.Acknowledged,
        FigureNames.Delivered => Ledger.Delivered,
        _ => throw new ArgumentException($"'{figure}' is not a count figure", nameof(figure)),
    };

    public FigureSet ToFigureSet() => new(
        FigureNames.Timings.Select(t => new TimingFigure(t, Percentiles.Summarize(Samples(t).Select(s => s.Ms)))).ToList(),
        FigureNames.Counts.Select(c => new CountFigure(c, Count(c))).ToList());
}
