using ApartiumChat.Scenarios.Model;
using ApartiumChat.Scenarios.Observations;

namespace ApartiumChat.Scenarios.Tests.Measurement;

/// <summary>Hand-made trial observations: events in journal order, as a runner would record them.</summary>
internal sealed class TrialBuilder(int servers = 3, int clients = 3)
{
    private readonly List<TrialEvent> _events = [];
    private readonly Dictionary<string, string?> _finals = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _sequences = new(StringComparer.Ordinal);

    public TrialBuilder Registered(double at, string client, string server, bool failback = false) =>
        Add(new ClientRegistered(at, client, server, Resumed: at > 0, IsFailback: failback));

    public TrialBuilder Dead(double at, string client, string server, DeadReason reason = DeadReason.ConnectionLost) =>
        Add(new ConnectionDeclaredDead(at, client, server, reason));

    public TrialBuilder Fault(double at, int index, FaultType type, string server, params string[] clients) =>
        Add(new FaultApplied(at, index, type, server, clients));

    public TrialBuilder Ended(double at, int index, params string[] clients) => Add(new FaultEnded(at, index, clients));

    /// <summary>Sends the sender's next message at <paramref name="at"/> (acknowledged at once) and returns its sequence.</summary>
    public TrialBuilder Send(double at, string sender, out long sequence, bool acked = true)
    {
        sequence = _sequences.GetValueOrDefault(sender) + 1;
        _sequences[sender] = sequence;
        Add(new MessageSent(at, sender, sequence));
        return acked ? Add(new MessageAcknowledged(at + 1, sender, sequence)) : this;
    }

    public TrialBuilder Deliver(double at, string receiver, string sender, long sequence, DeliveryPath via = DeliveryPath.Live) =>
        Add(new MessageDelivered(at, receiver, sender, sequence, via));

    public TrialBuilder SendFailed(double at, string sender) => Add(new SendFailed(at, sender, null, SendFailure.OutboxFull));

    public TrialBuilder Settle(string client, string? server)
    {
        _finals[client] = server;
        return this;
    }

    public TrialBuilder Add(TrialEvent trialEvent)
    {
        _events.Add(trialEvent);
        return this;
    }

    /// <summary>Every client registered on <paramref name="server"/> before the workload starts.</summary>
    public TrialBuilder AllOn(string server)
    {
        foreach (var client in ScenarioIds.Clients(clients))
        {
            Registered(-100, client, server);
        }

        return this;
    }

    public TrialObservation Build(double endMs = 10_000) => new()
    {
        Servers = ScenarioIds.Servers(servers),
        Clients = ScenarioIds.Clients(clients),
        Events = [.. _events],
        FinalServers = new Dictionary<string, string?>(_finals),
        TimelineEndMs = endMs,
        EndMs = endMs,
    };
}
