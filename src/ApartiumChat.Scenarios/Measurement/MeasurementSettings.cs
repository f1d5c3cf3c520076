using ApartiumChat.Scenarios.Model;

namespace ApartiumChat.Scenarios.Measurement;

/// <summary>How a trial's events are read into figures.</summary>
public sealed record MeasurementSettings
{
    public static MeasurementSettings Default { get; } = new();

    /// <summary>
    /// How long after a breaking fault ends a connection declared dead is still put down to
    /// it. A client notices silence only after its heartbeat timeout, so a hang that ends just
    /// before the timeout still kills the connection a moment later; that failover is not
    /// false. <see cref="For"/> sets it to heartbeatTimeoutMs + heartbeatIntervalMs. Default 1000.
    /// </summary>
    public double AttributionGraceMs { get; init; } = 1000;

    /// <summary>Client lanes kept for the timeline chart. Default 40.</summary>
    public int MaxTimelineLanes { get; init; } = 40;

    /// <summary>Delivery samples kept for the latency chart, evenly spread. Default 20000.</summary>
    public int MaxLatencySamples { get; init; } = 20_000;

    /// <summary>Settings for a scenario, with the client's defaults for what the scenario leaves out.</summary>
    public static MeasurementSettings For(Scenario scenario, ScenarioClientOptions clientDefaults)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(clientDefaults);
        var interval = scenario.Client.HeartbeatIntervalMs ?? clientDefaults.HeartbeatIntervalMs;
        var timeout = scenario.Client.HeartbeatTimeoutMs ?? clientDefaults.HeartbeatTimeoutMs;
        return interval is { } i && timeout is { } t ? Default with { AttributionGraceMs = i + t } : Default;
    }
}
