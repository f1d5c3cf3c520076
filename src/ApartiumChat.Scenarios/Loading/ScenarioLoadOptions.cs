using ApartiumChat.Scenarios.Model;

namespace ApartiumChat.Scenarios.Loading;

/// <summary>How scenarios are loaded.</summary>
public sealed record ScenarioLoadOptions
{
    public static ScenarioLoadOptions Default { get; } = new();

    /// <summary>
    /// The HA client's own defaults, for the rules that compare a given value with one left
    /// out (a <c>heartbeatTimeoutMs</c> given alone must exceed the default interval). Unknown
    /// values (null) skip those comparisons. Default: nothing known.
    /// </summary>
    public ScenarioClientOptions ClientDefaults { get; init; } = ScenarioClientOptions.Default;

    /// <summary>Files larger than this are refused unread. Default 16 MiB.</summary>
    public int MaxFileBytes { get; init; } = 16 * 1024 * 1024;
}
