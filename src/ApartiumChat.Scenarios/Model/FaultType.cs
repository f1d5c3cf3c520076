namespace ApartiumChat.Scenarios.Model;

/// <summary>The fault types of SCENARIOS.md; <see cref="FaultTypes"/> says which act on servers and which on links.</summary>
public enum FaultType
{
    Crash,
    Restart,
    Hang,
    Unhang,
    Shutdown,
    Latency,
    Bandwidth,
    Blackhole,
    Reset,
    Refuse,
    Partition,
    Slicer,
    Heal,
}
