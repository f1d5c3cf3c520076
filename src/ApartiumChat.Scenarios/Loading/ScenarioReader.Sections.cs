using System.Globalization;
using System.Text.RegularExpressions;
using ApartiumChat.Scenarios.Model;

namespace ApartiumChat.Scenarios.Loading;

internal sealed partial class ScenarioReader
{
    public const double MaxDeliveriesPerSecond = 1_000_000;

    private static readonly string[] ClientFields =
    [
        "serverOrder", "heartbeatIntervalMs", "heartbeatTimeoutMs", "reconnectBaseMs", "reconnectMaxMs", "failback", "failbackHoldDownMs",
    ];

    private static readonly string[] WorkloadFields = ["channel", "senders", "ratePerClient", "messageBytes"];

    private const string ChannelAllowed = "'#' then 1 to 49 characters other than space, comma, colon and control characters";

    private ScenarioClientOptions ClientSection(SourceObject root, int? servers)
    {
        var obj = Section(root, "client", $"an object of {string.Join(", ", ClientFields)}");
        if (obj is null)
        {
            return ScenarioClientOptions.Default;
        }

        RefuseUnknown(obj, ClientFields);
        var options = new ScenarioClientOptions
        {
            ServerOrder = IdList(obj, "serverOrder", 's', servers, "server", ""),
            HeartbeatIntervalMs = Int(obj, "heartbeatIntervalMs", 1, 600_000),
            HeartbeatTimeoutMs = Int(obj, "heartbeatTimeoutMs", 1, 600_000),
            ReconnectBaseMs = Int(obj, "reconnectBaseMs", 1, 600_000),
            ReconnectMaxMs = Int(obj, "reconnectMaxMs", 1, MaxDurationMs),
            Failback = Bool(obj, "failback"),
            FailbackHoldDownMs = Int(obj, "failbackHoldDownMs", 0, MaxDurationMs),
        };

        CheckHeartbeat(obj, options);
        if (Get(obj, "reconnectMaxMs") is { } maxNode && options.ReconnectMaxMs is { } max
            && (options.ReconnectBaseMs ?? _clientDefaults.ReconnectBaseMs) is { } baseMs && max < baseMs
            && !(Get(obj, "reconnectBaseMs") is not null && options.ReconnectBaseMs is null))
        {
            var whose = options.ReconnectBaseMs is null ? "the client's default reconnectBaseMs" : "reconnectBaseMs";
            Error(maxNode, $"{max} is below {whose} ({baseMs}); allowed: {baseMs}..{MaxDurationMs}");
        }

        return options;
    }

    /// <summary>
    /// The timeout must be above the interval. Each is taken as given or else as the client's
    /// default, so a value given alone is checked against the other's default.
    /// </summary>
    private void CheckHeartbeat(SourceObject obj, ScenarioClientOptions options)
    {
        var intervalNode = Get(obj, "heartbeatIntervalMs");
        var timeoutNode = Get(obj, "heartbeatTimeoutMs");
        var invalid = (intervalNode is not null && options.HeartbeatIntervalMs is null) || (timeoutNode is not null && options.HeartbeatTimeoutMs is null);
        if (invalid || (intervalNode is null && timeoutNode is null))
        {
            return;
        }

        var interval = options.HeartbeatIntervalMs ?? _clientDefaults.HeartbeatIntervalMs;
        var timeout = options.HeartbeatTimeoutMs ?? _clientDefaults.HeartbeatTimeoutMs;
        if (interval is not { } i || timeout is not { } t || t > i)
        {
            return;
        }

        if (timeoutNode is not null)
        {
            var whose = intervalNode is null ? "the client's default heartbeatIntervalMs" : "heartbeatIntervalMs";
            Error(timeoutNode, $"{t} is not above {whose} ({i}); allowed: more than {i}");
        }
        else
        {
            Error(intervalNode!, $"{i} is not below the client's default heartbeatTimeoutMs ({t}); allowed: less than {t}, or give heartbeatTimeoutMs");
        }
    }

    private Workload WorkloadSection(SourceObject root, int? clients)
    {
        var obj = Section(root, "workload", $"an object of {string.Join(", ", WorkloadFields)}");
        var workload = Workload.Default;
        if (obj is not null)
        {
            RefuseUnknown(obj, WorkloadFields);
            workload = new Workload
            {
                Channel = Channel(obj) ?? Workload.Default.Channel,
                Senders = Int(obj, "senders", 0, clients ?? MaxClients),
                RatePerClient = Number(obj, "ratePerClient", 0, 1000) ?? Workload.Default.RatePerClient,
                MessageBytes = Int(obj, "messageBytes", 16, 400) ?? Workload.Default.MessageBytes,
            };
        }

        if (clients is { } n && workload.DeliveriesPerSecond(n) > MaxDeliveriesPerSecond)
        {
            var senders = workload.EffectiveSenders(n);
            var text = string.Create(
                CultureInfo.InvariantCulture,
                $"{senders} senders x {workload.RatePerClient} msg/s x {n - 1} receivers = {workload.DeliveriesPerSecond(n)} deliveries/s; allowed: at most {MaxDeliveriesPerSecond}");
            // Without a workload section the default rate makes the load; the client count is what to change.
            Error(obj ?? Get(root, "clients")!, text);
        }

        return workload;
    }

    private string? Channel(SourceObject obj)
    {
        var channel = Text(obj, "channel", ChannelAllowed);
        if (channel is not null && !ChannelPattern().IsMatch(channel))
        {
            Error(Get(obj, "channel")!, $"'{channel}' is not a channel name; allowed: {ChannelAllowed}");
            return null;
        }

        return channel;
    }

    // RFC 2812 chanstring: no NUL, BEL, CR, LF, space, comma or colon; 50 characters at most.
    [GeneratedRegex(@"^#[^\x00-\x1F\x7F ,:]{1,49}\z", RegexOptions.CultureInvariant)]
    private static partial Regex ChannelPattern();
}
