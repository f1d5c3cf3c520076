namespace ApartiumChat.Scenarios.Model;

/// <summary>How a scenario runs: over real loopback sockets in real time, or simulated.</summary>
public enum ScenarioMode
{
    /// <summary>Real loopback sockets through the fault proxy, real time.</summary>
    Tcp,

    /// <summary>In-memory network, virtual time, deterministic.</summary>
    Sim,
}
