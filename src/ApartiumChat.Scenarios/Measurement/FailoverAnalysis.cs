using ApartiumChat.Scenarios.Model;
using ApartiumChat.Scenarios.Observations;

namespace ApartiumChat.Scenarios.Measurement;

/// <summary>
/// The failover figures of SCENARIOS.md over one trial's events.
/// <list type="bullet">
/// <item>A breaking fault that can break an established connection (all but <c>refuse</c>) hits
/// each client registered, at t_f, on its server (server faults) or over its targeted link to it
/// (link faults).</item>
/// <item>When a hit session dies, the earliest hit still in force claims the death:
/// <c>detectionMs</c> = death - t_f, <c>failoverMs</c> = next registration - t_f. Other hits in
/// force then are the same event seen twice and count nowhere. A hit whose session never died,
/// or died only after the fault had ended plus the grace, is <c>undetected</c>.</item>
/// <item><c>firstDeliveryMs</c>: for every hit that is not absorbed, t_f until the client next
/// receives a message another client sent after t_f.</item>
/// <item><c>failovers</c>: every connection declared dead. <c>falseFailovers</c>: those with no
/// breaking fault (refuse included) on that server or that client's link to it, in force at the
/// time (applied before, and not ended more than the grace before).</item>
/// <item><c>failbackMs</c>: a client forced off server s (a failover that was not false) that
/// registers on s again, after the fault keeping s from it ended and with no failover since that
/// end: registration - the latest such end.</item>
/// </list>
/// "In force" means: applied before the event, and ended no more than the attribution grace
/// before it (a client notices silence only after its heartbeat timeout).
/// </summary>
internal sealed class FailoverAnalysis
{
    private readonly ObservedTrial _trial;
    private readonly double _grace;

    /// <summary>Deaths put down to a fault (by rank), so not false, and so forcing the client off its server.</summary>
    private readonly HashSet<int> _attributedDeaths = [];

    public FailoverAnalysis(ObservedTrial trial, double attributionGraceMs)
    {
        _trial = trial;
        _grace = attributionGraceMs;
        FindHits();
        JudgeSessions();
        JudgeDeaths();
        MeasureFailbacks();
        Failbacks = trial.Events.Count(e => e.Event is ClientRegistered { IsFailback: true });
    }

    public List<TimingSample> Detection { get; } = [];

    public List<TimingSample> Failover { get; } = [];

    public List<TimingSample> FirstDelivery { get; } = [];

    public List<TimingSample> Failback { get; } = [];

    public int Undetected { get; private set; }

    public int Failovers => _trial.Deaths.Count;

    public int Failbacks { get; }

    public int FalseFailovers { get; private set; }

    private bool InForce(FaultSpan span, RankedEvent at) => span.StartRank < at.Rank && at.AtMs <= span.EndMs + _grace;

    private void FindHits()
    {
        foreach (var span in _trial.Windows.Where(w => FaultTypes.BreaksEstablishedConnections(w.Type)))
        {
            var clients = span.Client is { } one ? [one] : _trial.ClientsInOrder.ToList();
            foreach (var client in clients)
            {
                var session = _trial.SessionsOf(client).FirstOrDefault(s => s.Server == span.Server && s.ActiveAt(span.StartRank));
                session?.Hits.Add(span);
            }
        }
    }

    private void JudgeSessions()
    {
        foreach (var session in _trial.ClientsInOrder.SelectMany(_trial.SessionsOf).Where(s => s.Hits.Count > 0))
        {
            var hits = session.Hits.OrderBy(h => h.StartRank).ToList();
            var death = session.End == SessionEnd.Dead ? _trial.Events[session.EndRank] : null;
            var inForce = death is null ? [] : hits.Where(h => InForce(h, death)).ToList();
            if (death is not null && inForce.Count > 0)
            {
                var claimer = inForce[0];
                _attributedDeaths.Add(death.Rank);
                Detection.Add(Sample(death.AtMs - claimer.StartMs, session.Client, claimer));
                if (NextRegistration(session.Client, death.Rank) is { } next)
                {
                    Failover.Add(Sample(next.AtMs - claimer.StartMs, session.Client, claimer));
                }

                MeasureFirstDelivery(session.Client, claimer);
            }

            foreach (var missed in hits.Where(h => !inForce.Contains(h)))
            {
                Undetected++;
                MeasureFirstDelivery(session.Client, missed);
            }
        }
    }

    private void JudgeDeaths()
    {
        foreach (var (death, _) in _trial.Deaths)
        {
            if (_attributedDeaths.Contains(death.Rank))
            {
                continue;
            }

            var dead = (ConnectionDeclaredDead)death.Event;
            var explained = _trial.WindowsOn(dead.Server).Any(w => FaultTypes.IsBreaking(w.Type) && w.Covers(dead.Client, dead.Server) && InForce(w, death));
            if (explained)
            {
                _attributedDeaths.Add(death.Rank);
            }
            else
            {
                FalseFailovers++;
            }
        }
    }

    private RankedEvent? NextRegistration(string client, int afterRank)
    {
        var moves = _trial.MovesOf(client);
        for (var i = ObservedTrial.FirstAfter(moves, afterRank); i < moves.Count; i++)
        {
            if (moves[i].Event is ClientRegistered)
            {
                return moves[i];
            }
        }

        return null;
    }

    private void MeasureFirstDelivery(string client, FaultSpan hit)
    {
        var deliveries = _trial.DeliveriesTo(client);
        for (var i = ObservedTrial.FirstAfter(deliveries, hit.StartRank); i < deliveries.Count; i++)
        {
            var delivery = deliveries[i];
            var message = (MessageDelivered)delivery.Event;
            if (message.Sender != client && _trial.SentAt.TryGetValue((message.Sender, message.Sequence), out var sentAt) && sentAt > hit.StartMs)
            {
                FirstDelivery.Add(Sample(delivery.AtMs - hit.StartMs, client, hit));
                return;
            }
        }
    }

    private void MeasureFailbacks()
    {
        foreach (var client in _trial.Observation.Clients)
        {
            var displaced = new Dictionary<string, double>(StringComparer.Ordinal);
            var lastDeathMs = double.NegativeInfinity;
            foreach (var ranked in _trial.MovesOf(client))
            {
                switch (ranked.Event)
                {
                    case ConnectionDeclaredDead dead:
                        lastDeathMs = dead.AtMs;
                        if (_attributedDeaths.Contains(ranked.Rank))
                        {
                            displaced.TryAdd(dead.Server, dead.AtMs);
                        }

                        break;
                    case ClientRegistered registered when displaced.Remove(registered.Server, out var forcedOffMs):
                        var end = _trial.WindowsOn(registered.Server)
                            .Where(w => FaultTypes.IsBreaking(w.Type) && w.Covers(client, registered.Server))
                            .Where(w => w.EndMs > forcedOffMs && w.EndMs > lastDeathMs && w.EndMs <= registered.AtMs)
                            .MaxBy(w => w.EndMs);
                        if (end is not null)
                        {
                            Failback.Add(Sample(registered.AtMs - end.EndMs, client, end));
                        }

                        break;
                }
            }
        }
    }

    private static TimingSample Sample(double ms, string client, FaultSpan span) => new(ms, client, span.FaultIndex, span.Type);
}
