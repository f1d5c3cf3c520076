namespace ApartiumChat.Scenarios.Observations;

/// <summary>
/// Something that happened in a trial, as the runner saw it in the engines' published events
/// (or its own fault journal). <see cref="AtMs"/> is milliseconds since the workload started,
/// on the trial's clock: real in tcp mode, virtual in sim mode.
/// </summary>
public abstract record TrialEvent(double AtMs);
