namespace ApartiumChat.Reports.Results;

/// <summary>Samples of one timing (milliseconds) under a label, for example failover times of crash faults.</summary>
public sealed record SampleSeries(string Label, IReadOnlyList<double> Values);
