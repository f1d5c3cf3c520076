namespace ApartiumChat.Reports.Results;

/// <summary>
/// A fault while it applied (ms since the workload start), for shading charts. A fault that
/// acts at an instant (a reset) has <see cref="FromMs"/> equal to <see cref="ToMs"/>.
/// <see cref="Breaking"/> tells faults that break connections from those that only slow them.
/// </summary>
public sealed record FaultWindow(string Label, double FromMs, double ToMs, bool Breaking);
