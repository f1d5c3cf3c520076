namespace ApartiumChat.Scenarios.Model;

/// <summary>
/// The <c>client</c> section: options given to every HA client. A null value means "the
/// client's own default", which the runner takes from the client library.
/// </summary>
public sealed record ScenarioClientOptions
{
    public static ScenarioClientOptions Default { get; } = new();

    /// <summary>Prioritized server list; null means <c>s0, s1, ...</c>.</summary>
    public IReadOnlyList<string>? ServerOrder { get; init; }

    public int? HeartbeatIntervalMs { get; init; }

    public int? HeartbeatTimeoutMs { get; init; }

    public int? ReconnectBaseMs { get; init; }

    public int? ReconnectMaxMs { get; init; }

    public bool? Failback { get; init; }

    public int? FailbackHoldDownMs { get; init; }

    /// <summary>The server list with the default spelled out.</summary>
    public IReadOnlyList<string> EffectiveServerOrder(int servers) => ServerOrder ?? ScenarioIds.Servers(servers);
}
