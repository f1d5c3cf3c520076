namespace ApartiumChat.Reports.Results;

/// <summary>A stretch of time (ms since the workload start) during which a client was registered on a server.</summary>
public sealed record ServerSpan(string Server, double FromMs, double ToMs);
