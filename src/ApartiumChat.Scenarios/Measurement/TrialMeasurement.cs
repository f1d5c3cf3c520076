using ApartiumChat.Reports.Results;
using ApartiumChat.Scenarios.Model;
using ApartiumChat.Scenarios.Observations;

namespace ApartiumChat.Scenarios.Measurement;

/// <summary>Reads one trial's observation into its figures (SCENARIOS.md, "What is measured").</summary>
public static class TrialMeasurement
{
    public static TrialFigures Measure(TrialObservation observation, MeasurementSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(observation);
        settings ??= MeasurementSettings.Default;
        var trial = new ObservedTrial(observation);
        var failover = new FailoverAnalysis(trial, settings.AttributionGraceMs);
        return new TrialFigures
        {
            Detection = failover.Detection,
            Failover = failover.Failover,
            FirstDelivery = failover.FirstDelivery,
            Failback = failover.Failback,
            Ledger = Ledger(observation),
            Undetected = failover.Undetected,
            Failovers = failover.Failovers,
            Failbacks = failover.Failbacks,
            FalseFailovers = failover.FalseFailovers,
            FailedSends = observation.Events.Count(e => e is SendFailed),
            FinalServers = observation.Clients.Select(c => (c, observation.FinalServer(c))).ToList(),
            Quiesced = observation.Quiesced,
            Chart = Chart(trial, settings),
        };
    }

    /// <summary>The message ledger over a trial's events (deliveries in journal order).</summary>
    public static LedgerCounts Ledger(TrialObservation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        var ledger = new MessageLedger(observation.Clients);
        foreach (var e in observation.Events)
        {
            switch (e)
            {
                case MessageSent sent:
                    ledger.Sent(sent.Sender, sent.Sequence);
                    break;
                case MessageAcknowledged acked:
                    ledger.Acknowledged(acked.Sender, acked.Sequence);
                    break;
                case MessageDelivered delivered:
                    ledger.Delivered(delivered.Receiver, delivered.Sender, delivered.Sequence);
                    break;
            }
        }

        return ledger.Count();
    }

    private static TrialChart Chart(ObservedTrial trial, MeasurementSettings settings)
    {
        var observation = trial.Observation;
        var endMs = Math.Max(observation.EndMs, trial.Events.Count > 0 ? trial.Events[^1].AtMs : 0);
        var lanes = observation.Clients.Take(settings.MaxTimelineLanes)
            .Select(c => new ClientLane(c, trial.SessionsOf(c)
                .Select(s => new ServerSpan(s.Server, Math.Max(s.StartMs, 0), double.IsPositiveInfinity(s.EndMs) ? endMs : s.EndMs))
                .Where(s => s.ToMs > s.FromMs || s.ToMs == endMs)
                .ToList()))
            .ToList();

        var windows = trial.Applied.Values
            .OrderBy(a => a.Ranked.Rank)
            .Where(a => !FaultTypes.IsRecovery(a.Applied.Type))
            .Select(a => Window(trial, a.Applied, endMs))
            .ToList();

        var firstDeliveries = new List<LatencySample>();
        var seen = new HashSet<(string, string, long)>();
        foreach (var ranked in trial.Events)
        {
            if (ranked.Event is MessageDelivered d && seen.Add((d.Receiver, d.Sender, d.Sequence)) && trial.SentAt.TryGetValue((d.Sender, d.Sequence), out var sentAt))
            {
                firstDeliveries.Add(new LatencySample(sentAt, d.AtMs - sentAt, d.Via == DeliveryPath.History));
            }
        }

        return new TrialChart(observation.Servers, lanes, observation.Clients.Count, windows, Thin(firstDeliveries, settings.MaxLatencySamples), firstDeliveries.Count, endMs);
    }

    private static FaultWindow Window(ObservedTrial trial, FaultApplied applied, double endMs)
    {
        var spans = trial.Windows.Where(w => w.FaultIndex == applied.FaultIndex).ToList();
        var to = spans.Count == 0 ? applied.AtMs : spans.Max(w => w.EndMs);
        var targets = FaultTypes.KindOf(applied.Type) == FaultKind.Server || applied.Clients.Count == trial.Observation.Clients.Count
            ? ""
            : applied.Clients.Count == 1 ? $" ({applied.Clients[0]})" : $" ({applied.Clients.Count} clients)";
        return new FaultWindow(
            $"{FaultTypes.Name(applied.Type)} {applied.Server}{targets}",
            applied.AtMs,
            double.IsPositiveInfinity(to) ? endMs : to,
            FaultTypes.IsBreaking(applied.Type));
    }

    /// <summary>At most <paramref name="max"/> samples, evenly spread over the list.</summary>
    private static List<LatencySample> Thin(List<LatencySample> samples, int max)
    {
        if (samples.Count <= max || max <= 0)
        {
            return samples;
        }

        return Enumerable.Range(0, max).Select(i => samples[(int)((long)i * samples.Count / max)]).ToList();
    }
}
