using ApartiumChat.Scenarios.Model;

namespace ApartiumChat.Scenarios.Running;

/// <summary>What a valid scenario still needs before this build can run it.</summary>
public static class RunPreconditions
{
    /// <summary>Why <c>mode: "sim"</c> is refused for now (exit 2).</summary>
    public const string SimNotAvailable =
        "mode 'sim' cannot run yet: this build runs scenarios over real loopback sockets only (mode 'tcp'); run with --mode tcp";

    /// <summary>Every reason the scenario cannot run here; empty when it can.</summary>
    public static IReadOnlyList<string> Check(Scenario scenario, bool simulationAvailable = false)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return scenario.Mode == ScenarioMode.Sim && !simulationAvailable ? [SimNotAvailable] : [];
    }
}
