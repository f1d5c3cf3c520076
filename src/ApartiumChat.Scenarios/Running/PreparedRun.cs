using ApartiumChat.Scenarios.Model;
using ApartiumChat.Scenarios.Trials;

namespace ApartiumChat.Scenarios.Running;

/// <summary>
/// A scenario ready to run: the file as this run uses it (command-line options applied), where
/// it came from, the trials with their seeds, and its fault timeline.
/// </summary>
public sealed record PreparedRun(
    Scenario Scenario,
    string FullPath,
    string DisplayPath,
    IReadOnlyList<PlannedTrial> Trials,
    long? ReplayedTrialSeed,
    FaultTimeline Timeline);
