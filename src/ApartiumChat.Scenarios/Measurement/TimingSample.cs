using ApartiumChat.Scenarios.Model;

namespace ApartiumChat.Scenarios.Measurement;

/// <summary>One timing sample in ms: which client, and the fault it measures from (by index and type).</summary>
public sealed record TimingSample(double Ms, string Client, int FaultIndex, FaultType FaultType);
