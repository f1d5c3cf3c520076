namespace ApartiumChat.Reports.Results;

/// <summary>One timing figure (for example <c>detectionMs</c>) and its summary.</summary>
public sealed record TimingFigure(string Name, TimingSummary Summary);
