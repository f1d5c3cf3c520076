using ApartiumChat.Scenarios.Model;

namespace ApartiumChat.Scenarios.Trials;

/// <summary>
/// The fault timeline of a scenario in the order it happens, with what each step ends:
/// <code>
///   crash s0 @1000 ........ restart s0 @3500 (ends the crash)
///   partition s0 [c2] @1000, forMs 2000 ... Expire @3000 (ends it for c2)
///   hang s1 @4000 ......... EndOfTimeline @durationMs (ends the hang and every link fault left)
/// </code>
/// Steps at the same time run expiries first, then faults in file order; the end of the
/// timeline comes last. A reset acts at an instant, so it never needs ending.
/// </summary>
public sealed class FaultTimeline
{
    private FaultTimeline(IReadOnlyList<TimelineStep> steps)
    {
        Steps = steps;
    }

    public IReadOnlyList<TimelineStep> Steps { get; }

    public static FaultTimeline Plan(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var planner = new Planner(scenario.ClientIds);
        var queue = scenario.Faults
            .Select(f => (At: f.AtMs, Order: 1, f.Index, Fault: f))
            .Concat(scenario.Faults.Where(f => f.Kind == FaultKind.Link && f.HealsAtMs is { } at && at < scenario.DurationMs)
                .Select(f => (At: f.HealsAtMs!.Value, Order: 0, f.Index, Fault: f)))
            .OrderBy(e => e.At).ThenBy(e => e.Order).ThenBy(e => e.Index);

        var steps = new List<TimelineStep>();
        foreach (var (at, order, _, fault) in queue)
        {
            if (order == 0)
            {
                var ends = planner.Expire(fault);
                if (ends.Count > 0)
                {
                    steps.Add(new TimelineStep(at, TimelineStepKind.Expire, fault, ends));
                }
            }
            else
            {
                steps.Add(new TimelineStep(at, TimelineStepKind.Apply, fault, planner.Apply(fault)));
            }
        }

        steps.Add(new TimelineStep(scenario.DurationMs, TimelineStepKind.EndOfTimeline, null, planner.EndOfTimeline()));
        return new FaultTimeline(steps);
    }

    /// <summary>Tracks which faults act where, in insertion order so that endings list faults in the order they fired.</summary>
    private sealed class Planner(IReadOnlyList<string> allClients)
    {
        private readonly List<(Fault Fault, List<string> Clients)> _linkFaults = [];
        private readonly List<Fault> _serverFaults = [];

        public List<FaultEnding> Apply(Fault fault)
        {
            var ends = new List<FaultEnding>();
            switch (fault.Type)
            {
                case FaultType.Restart:
                    EndServerFaults(fault.Server, ends, f => f.Type is FaultType.Crash or FaultType.Shutdown);
                    break;
                case FaultType.Unhang:
                    EndServerFaults(fault.Server, ends, f => f.Type == FaultType.Hang);
                    break;
                case FaultType.Crash:
                    // A hung server that crashes is no longer hung: it is down.
                    EndServerFaults(fault.Server, ends, f => f.Type == FaultType.Hang);
                    _serverFaults.Add(fault);
                    break;
                case FaultType.Hang or FaultType.Shutdown:
                    _serverFaults.Add(fault);
                    break;
                case FaultType.Heal:
                    var healed = fault.TargetClients(allClients);
                    foreach (var active in _linkFaults.Where(l => l.Fault.Server == fault.Server))
                    {
                        EndLink(active, healed, ends);
                    }

                    _linkFaults.RemoveAll(l => l.Clients.Count == 0);
                    break;
                case FaultType.Reset:
                    break;
                default:
                    _linkFaults.Add((fault, [.. fault.TargetClients(allClients)]));
                    break;
            }

            return ends;
        }

        public List<FaultEnding> Expire(Fault fault)
        {
            var ends = new List<FaultEnding>();
            foreach (var active in _linkFaults.Where(l => l.Fault.Index == fault.Index))
            {
                EndLink(active, allClients, ends);
            }

            _linkFaults.RemoveAll(l => l.Clients.Count == 0);
            return ends;
        }

        public List<FaultEnding> EndOfTimeline()
        {
            var ends = new List<FaultEnding>();
            foreach (var active in _linkFaults)
            {
                EndLink(active, allClients, ends);
            }

            _linkFaults.Clear();
            EndServerFaults(null, ends, f => f.Type == FaultType.Hang);
            return ends;
        }

        private static void EndLink((Fault Fault, List<string> Clients) active, IReadOnlyList<string> healed, List<FaultEnding> ends)
        {
            var healedSet = healed as IReadOnlySet<string> ?? healed.ToHashSet(StringComparer.Ordinal);
            var ended = active.Clients.Where(healedSet.Contains).ToList();
            if (ended.Count == 0)
            {
                return;
            }

            active.Clients.RemoveAll(healedSet.Contains);
            ends.Add(new FaultEnding(active.Fault.Index, ended));
        }

        private void EndServerFaults(string? server, List<FaultEnding> ends, Func<Fault, bool> which)
        {
            foreach (var ended in _serverFaults.Where(f => (server is null || f.Server == server) && which(f)).ToList())
            {
                ends.Add(new FaultEnding(ended.Index, []));
                _serverFaults.Remove(ended);
            }
        }
    }
}
