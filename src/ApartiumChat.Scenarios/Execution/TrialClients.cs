using ApartiumChat.Client;
using ApartiumChat.Client.Events;
using ApartiumChat.Scenarios.Model;
using ApartiumChat.Scenarios.Observations;
using ClientAcknowledged = ApartiumChat.Client.Events.MessageAcknowledged;
using Journaled = ApartiumChat.Scenarios.Observations;

namespace ApartiumChat.Scenarios.Execution;

/// <summary>
/// The HA clients of one trial, each connecting through its own proxies, and the adapter from
/// their published events to the trial journal: the runner measures from these events only.
/// </summary>
internal sealed class TrialClients : IAsyncDisposable
{
    private readonly Dictionary<string, HaClient> _clients = new(StringComparer.Ordinal);
    private readonly List<IDisposable> _subscriptions = [];
    private readonly TrialJournal _journal;

    private TrialClients(TrialJournal journal, int count)
    {
        _journal = journal;
        Progress = new DeliveryProgress(count);
    }

    /// <summary>What quiescence still waits for, delivery-wise.</summary>
    public DeliveryProgress Progress { get; }

    public IEnumerable<HaClient> All => _clients.Values;

    public HaClient this[string client] => _clients[client];

    public static TrialClients Create(Scenario scenario, TrialCluster cluster, ITrialHost host, long trialSeed, TrialJournal journal)
    {
        var clients = new TrialClients(journal, scenario.Clients);
        var order = scenario.Client.EffectiveServerOrder(scenario.Servers);
        foreach (var id in scenario.ClientIds)
        {
            var options = ClientOptionsFor(scenario) with
            {
                Servers = [.. order.Select(server => new ServerEntry(server, cluster.LinkAddress(id, server)))],
                Nick = id,
                ClientId = id,
                Channels = [scenario.Workload.Channel],
            };
            var client = new HaClient(options, host.Connector, host.Time, host.EngineRandom(trialSeed, "client-" + id));
            clients._clients.Add(id, client);
            clients._subscriptions.Add(client.Events.Subscribe(clients.Journal));
        }

        return clients;
    }

    /// <summary>The client library's defaults, as a scenario's <c>client</c> section would state them.</summary>
    public static ScenarioClientOptions ClientDefaults
    {
        get
        {
            var d = HaClientOptions.Default;
            return new ScenarioClientOptions
            {
                HeartbeatIntervalMs = (int)d.HeartbeatInterval.TotalMilliseconds,
                HeartbeatTimeoutMs = (int)d.HeartbeatTimeout.TotalMilliseconds,
                ReconnectBaseMs = (int)d.ReconnectBase.TotalMilliseconds,
                ReconnectMaxMs = (int)d.ReconnectCap.TotalMilliseconds,
                Failback = d.Failback,
                FailbackHoldDownMs = (int)d.FailbackHoldDown.TotalMilliseconds,
            };
        }
    }

    public async Task StartAsync(TimeSpan bound, TimeProvider time, CancellationToken cancellationToken)
    {
        foreach (var client in _clients.Values)
        {
            await client.StartAsync(cancellationToken);
        }

        using var timeout = new CancellationTokenSource(bound, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            foreach (var client in _clients.Values)
            {
                await client.WhenConnectedAsync(linked.Token);
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            var waiting = _clients.Values.Where(c => c.State != ClientState.Connected).Select(c => c.Id);
            throw new TimeoutException($"clients not connected within {bound.TotalSeconds:0.#} s of the start: {string.Join(", ", waiting)}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }

        foreach (var client in _clients.Values)
        {
            await client.DisposeAsync();
        }
    }

    private static HaClientOptions ClientOptionsFor(Scenario scenario)
    {
        var o = HaClientOptions.Default;
        var s = scenario.Client;
        return o with
        {
            HeartbeatInterval = Ms(s.HeartbeatIntervalMs) ?? o.HeartbeatInterval,
            HeartbeatTimeout = Ms(s.HeartbeatTimeoutMs) ?? o.HeartbeatTimeout,
            ReconnectBase = Ms(s.ReconnectBaseMs) ?? o.ReconnectBase,
            ReconnectCap = Ms(s.ReconnectMaxMs) ?? o.ReconnectCap,
            Failback = s.Failback ?? o.Failback,
            FailbackHoldDown = Ms(s.FailbackHoldDownMs) ?? o.FailbackHoldDown,
            OutboxCapacity = Math.Max(o.OutboxCapacity, (int)Math.Ceiling(scenario.Workload.RatePerClient * (scenario.DurationMs + scenario.QuiesceMs) / 1000.0) + 100),
        };
    }

    private static TimeSpan? Ms(int? value) => value is { } ms ? TimeSpan.FromMilliseconds(ms) : null;

    private void Journal(ClientEvent e)
    {
        var at = _journal.MsAt(e.Time);
        switch (e)
        {
            case ServerDeclaredDead dead:
                _journal.Record(new ConnectionDeclaredDead(at, e.ClientId, dead.ServerId, Reason(dead.Reason)));
                break;
            case Connected connected:
                _journal.Record(new ClientRegistered(at, e.ClientId, connected.ServerId, connected.Kind == RegistrationKind.Resumed, connected.Purpose == ConnectionPurpose.Failback));
                break;
            case ClientAcknowledged acked when LedgerId.TryParse(acked.ApplicationId ?? string.Empty, out var id):
                _journal.Record(new Journaled.MessageAcknowledged(at, id.Sender, id.Sequence, acked.MsgId));
                Progress.Acknowledged(id.Sender, id.Sequence);
                break;
            case MessageReceived received when !received.IsPrivate && LedgerId.TryParse(received.Text, out var id):
                _journal.Record(new MessageDelivered(at, e.ClientId, id.Sender, id.Sequence, received.Delivery == DeliveryKind.History ? DeliveryPath.History : DeliveryPath.Live, received.MsgId));
                Progress.Delivered(e.ClientId, id.Sender, id.Sequence);
                break;
            case MessageFailed failed:
                long? sequence = LedgerId.TryParse(failed.ApplicationId ?? string.Empty, out var failedId) ? failedId.Sequence : null;
                _journal.Record(new SendFailed(at, e.ClientId, sequence, failed.Reason switch
                {
                    SendFailureReason.OutboxFull => SendFailure.OutboxFull,
                    SendFailureReason.Timeout => SendFailure.Timeout,
                    _ => SendFailure.Other,
                }));
                break;
        }
    }

    private static DeadReason Reason(DeathReason reason) => reason switch
    {
        DeathReason.HeartbeatTimeout => DeadReason.HeartbeatTimeout,
        DeathReason.SocketError or DeathReason.Closed => DeadReason.ConnectionLost,
        DeathReason.ServerShutdown => DeadReason.ServerShutdown,
        _ => DeadReason.Other,
    };
}
