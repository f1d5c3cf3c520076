using ApartiumChat.Client;
using ApartiumChat.Scenarios.Model;
using ApartiumChat.Scenarios.Observations;

namespace ApartiumChat.Scenarios.Execution;

/// <summary>
/// The workload: each sender posts <c>ratePerClient</c> messages a second to the channel,
/// evenly spaced from a random phase (so senders do not fire in step), each carrying its
/// ledger id, until the timeline ends. Times follow a fixed schedule, not "delay after send",
/// so a slow send never stretches the workload.
/// </summary>
internal sealed class WorkloadDriver
{
    private readonly Scenario _scenario;
    private readonly TimeProvider _time;
    private readonly TrialJournal _journal;
    private readonly Random _random;

    public WorkloadDriver(Scenario scenario, TimeProvider time, TrialJournal journal, Random random)
    {
        _scenario = scenario;
        _time = time;
        _journal = journal;
        _random = random;
    }

    /// <summary>Runs every sender from <paramref name="start"/> (a timestamp of the trial's clock) to the end of the timeline.</summary>
    public Task RunAsync(TrialClients clients, long start, CancellationToken cancellationToken)
    {
        var workload = _scenario.Workload;
        if (workload.RatePerClient <= 0)
        {
            return Task.CompletedTask;
        }

        var interval = TimeSpan.FromSeconds(1 / workload.RatePerClient);
        var duration = TimeSpan.FromMilliseconds(_scenario.DurationMs);
        var senders = _scenario.ClientIds.Take(workload.EffectiveSenders(_scenario.Clients));
        return Task.WhenAll(senders.Select(id =>
            SendAsync(clients[id], id, start, interval * _random.NextDouble(), interval, duration, cancellationToken)));
    }

    private async Task SendAsync(HaClient client, string sender, long start, TimeSpan phase, TimeSpan interval, TimeSpan duration, CancellationToken cancellationToken)
    {
        var channel = _scenario.Workload.Channel;
        var size = _scenario.Workload.MessageBytes;
        for (long sequence = 0; ; sequence++)
        {
            var due = phase + (interval * sequence);
            if (due >= duration)
            {
                return;
            }

            var wait = due - _time.GetElapsedTime(start);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _time, cancellationToken);
            }

            var id = new LedgerId(sender, sequence);
            var ticket = client.Post(channel, id.ToPayload(size), applicationId: id.ToPayload(0));
            if (ticket.Accepted)
            {
                _journal.Record(new MessageSent(_journal.NowMs, sender, sequence));
            }
        }
    }
}
