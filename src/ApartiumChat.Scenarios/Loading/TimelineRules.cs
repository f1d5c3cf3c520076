using ApartiumChat.Scenarios.Model;

namespace ApartiumChat.Scenarios.Loading;

/// <summary>
/// Refuses a fault timeline that cannot happen. Faults may be listed in any order; they are
/// replayed in time order (file order for equal times) through each server's state:
/// <code>
///   running --crash--> down --restart--> running
///   running --shutdown--> down
///   running --hang--> hung --unhang--> running
///                     hung --crash--> down
/// </code>
/// Link faults need no state: a heal with nothing to heal changes nothing.
/// </summary>
internal static class TimelineRules
{
    public static void Check(IReadOnlyList<Fault> faults, IReadOnlyDictionary<int, SourceObject> sources, List<ScenarioError> errors)
    {
        var states = new Dictionary<string, ServerState>(StringComparer.Ordinal);
        foreach (var fault in faults.OrderBy(f => f.AtMs).ThenBy(f => f.Index))
        {
            if (fault.Kind != FaultKind.Server)
            {
                continue;
            }

            var state = states.GetValueOrDefault(fault.Server, ServerState.Running);
            var next = Next(state, fault.Type);
            if (next is null)
            {
                var source = sources[fault.Index];
                var typeNode = source.Properties.First(p => p.Name == "type").Value;
                errors.Add(new ScenarioError(
                    typeNode.Path,
                    typeNode.Line,
                    $"{FaultTypes.Name(fault.Type)} of {fault.Server} at {fault.AtMs} ms, but {fault.Server} is {Describe(state)} then; allowed for a {Describe(state)} server: {Allowed(state)}"));
                continue;
            }

            states[fault.Server] = next.Value;
        }
    }

    private static ServerState? Next(ServerState state, FaultType type) => (state, type) switch
    {
        (ServerState.Running, FaultType.Crash) => ServerState.Down,
        (ServerState.Running, FaultType.Shutdown) => ServerState.Down,
        (ServerState.Running, FaultType.Hang) => ServerState.Hung,
        (ServerState.Hung, FaultType.Unhang) => ServerState.Running,
        (ServerState.Hung, FaultType.Crash) => ServerState.Down,
        (ServerState.Down, FaultType.Restart) => ServerState.Running,
        _ => null,
    };

    private static string Describe(ServerState state) => state switch
    {
        ServerState.Running => "running",
        ServerState.Hung => "hung",
        _ => "down",
    };

    private static string Allowed(ServerState state) => state switch
    {
        ServerState.Running => "crash, hang, shutdown",
        ServerState.Hung => "unhang, crash",
        _ => "restart",
    };

    private enum ServerState
    {
        Running,
        Hung,
        Down,
    }
}
