using ApartiumChat.Scenarios.Model;

namespace ApartiumChat.Scenarios.Trials;

/// <summary>
/// One step of a planned timeline: when (ms from the workload start), what happens, the
/// fault it concerns (none for the end of the timeline), and which faults stop acting then.
/// The runner journals <c>FaultApplied</c> (for Apply steps) and a <c>FaultEnded</c> for each
/// ending, then performs the step, so that the journal has every cause before its effects.
/// </summary>
public sealed record TimelineStep(int AtMs, TimelineStepKind Kind, Fault? Fault, IReadOnlyList<FaultEnding> Ends);
