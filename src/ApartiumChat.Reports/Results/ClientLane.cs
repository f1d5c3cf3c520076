namespace ApartiumChat.Reports.Results;

/// <summary>One client's lane of a trial timeline: which server it was on, when.</summary>
public sealed record ClientLane(string Client, IReadOnlyList<ServerSpan> Spans);
