using ApartiumChat.Client;
using ApartiumChat.Faults.Journal;
using ApartiumChat.Scenarios.Model;
using ApartiumChat.Scenarios.Observations;
using ApartiumChat.Scenarios.Running;
using ApartiumChat.Scenarios.Trials;

namespace ApartiumChat.Scenarios.Execution;

/// <summary>
/// One trial, start to end, on a fresh cluster:
/// <code>
///   start servers, proxies, clients -> all joined? -> t=0: workload + fault timeline
///   -> t=duration: heal everything -> wait (bounded) for quiescence -> journal -> tear down
/// </code>
/// </summary>
public static class TrialExecution
{
    /// <summary>How long clients get to connect and join before a trial counts as broken.</summary>
    public static readonly TimeSpan StartBound = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan QuiescencePoll = TimeSpan.FromMilliseconds(20);

    public static Task<TrialOutcome> RunAsync(PreparedRun run, PlannedTrial trial, ITrialHost host, CancellationToken cancellationToken) =>
        RunAsync(run, trial, host, TrialSeams.None, cancellationToken);

    /// <summary>One trial with some components substituted (tests only; see <see cref="TrialSeams"/>).</summary>
    public static async Task<TrialOutcome> RunAsync(PreparedRun run, PlannedTrial trial, ITrialHost host, TrialSeams seams, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seams);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(trial);
        ArgumentNullException.ThrowIfNull(host);
        var scenario = run.Scenario;
        var time = host.Time;
        var journal = new TrialJournal(time);
        await using var cluster = await TrialCluster.StartAsync(scenario, host, trial.Seed, seams, cancellationToken);
        await using var clients = TrialClients.Create(scenario, cluster, host, trial.Seed, journal);
        await clients.StartAsync(StartBound, time, cancellationToken);

        journal.StartWorkload();
        var start = time.GetTimestamp();
        var workload = new WorkloadDriver(scenario, time, journal, TrialSeeds.CreateRandom(trial.Seed, TrialStream.Workload))
            .RunAsync(clients, start, cancellationToken);
        await PlayTimelineAsync(run.Timeline, cluster, journal, time, start, cancellationToken);
        await workload;

        var quiesced = await QuiesceAsync(scenario, cluster, clients, time, cancellationToken);
        foreach (var client in clients.All)
        {
            journal.Settle(client.Id, client.State == ClientState.Connected ? client.CurrentServer?.Id : null);
        }

        var observation = journal.Complete(scenario.ServerIds, scenario.ClientIds, scenario.DurationMs, quiesced);
        return new TrialOutcome(trial, observation, cluster.Injections.Snapshot());
    }

    private static async Task PlayTimelineAsync(FaultTimeline timeline, TrialCluster cluster, TrialJournal journal, TimeProvider time, long start, CancellationToken cancellationToken)
    {
        var preparedAt = -1;
        foreach (var step in timeline.Steps)
        {
            var wait = TimeSpan.FromMilliseconds(step.AtMs) - time.GetElapsedTime(start);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, cancellationToken);
            }

            if (step.AtMs != preparedAt)
            {
                preparedAt = step.AtMs;
                cluster.PrepareSimultaneous(timeline.Steps.Where(s => s.AtMs == step.AtMs && s.Kind == TimelineStepKind.Apply).Select(s => s.Fault!));
            }

            // The journal says what happened before it happens: a fault's effects (a client
            // declaring its connection dead, a reconnect after a restart) are journaled from
            // engine events that may run as soon as the fault is applied, and the calculators
            // read cause and effect from journal order.
            var at = journal.NowMs;
            switch (step.Kind)
            {
                case TimelineStepKind.Apply:
                    var fault = step.Fault!;
                    var targets = cluster.Target(fault);
                    if (fault.Type != FaultType.Heal)
                    {
                        journal.Record(new FaultApplied(at, fault.Index, fault.Type, fault.Server, targets));
                    }

                    RecordEnds(journal, step, at);
                    await cluster.ApplyAsync(fault, targets, cancellationToken);
                    break;
                case TimelineStepKind.Expire:
                    RecordEnds(journal, step, at);
                    foreach (var ending in step.Ends)
                    {
                        cluster.Expire(step.Fault!, ending.Clients);
                    }

                    break;
                case TimelineStepKind.EndOfTimeline:
                    RecordEnds(journal, step, at);
                    cluster.HealAll();
                    break;
            }
        }
    }

    private static void RecordEnds(TrialJournal journal, TimelineStep step, double at)
    {
        foreach (var ending in step.Ends)
        {
            journal.Record(new FaultEnded(at, ending.FaultIndex, ending.Clients));
        }
    }

    /// <summary>
    /// Waits, at most quiesceMs, until every client is connected with an empty outbox, has
    /// every acknowledged message, and (with fail-back on) sits on the highest-priority server
    /// that is up.
    /// </summary>
    private static async Task<bool> QuiesceAsync(Scenario scenario, TrialCluster cluster, TrialClients clients, TimeProvider time, CancellationToken cancellationToken)
    {
        var deadline = time.GetTimestamp();
        var bound = TimeSpan.FromMilliseconds(scenario.QuiesceMs);
        var order = scenario.Client.EffectiveServerOrder(scenario.Servers);
        var failback = scenario.Client.Failback ?? HaClientOptions.Default.Failback;
        while (true)
        {
            if (IsQuiet(clients, cluster, order, failback))
            {
                return true;
            }

            if (time.GetElapsedTime(deadline) >= bound)
            {
                return false;
            }

            await Task.Delay(QuiescencePoll, time, cancellationToken);
        }
    }

    private static bool IsQuiet(TrialClients clients, TrialCluster cluster, IReadOnlyList<string> order, bool failback)
    {
        if (clients.Progress.Missing > 0)
        {
            return false;
        }

        var preferred = order.FirstOrDefault(cluster.IsUp);
        foreach (var client in clients.All)
        {
            if (client.State != ClientState.Connected || client.OutboxCount > 0)
            {
                return false;
            }

            if (failback && preferred is not null && client.CurrentServer?.Id != preferred)
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>One trial as run: what was observed, and every injection decision (for replay checks).</summary>
public sealed record TrialOutcome(PlannedTrial Trial, TrialObservation Observation, IReadOnlyList<InjectionRecord> Injections);
