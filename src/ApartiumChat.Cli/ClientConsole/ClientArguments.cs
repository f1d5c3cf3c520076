using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using ApartiumChat.Cli.Configuration;
using ApartiumChat.Client;
using ApartiumChat.Transport;

namespace ApartiumChat.Cli.ClientConsole;

/// <summary>What <c>apartium client</c> was given, turned into client options with every problem listed at once.</summary>
internal sealed record ClientArguments(
    IReadOnlyList<string> Servers,
    string Nick,
    IReadOnlyList<string> Channels,
    string? User,
    string? Password,
    string? Heartbeat,
    string? HeartbeatTimeout,
    string? ConnectTimeout,
    string? FailbackHoldDown,
    bool Failback)
{
    public const int DefaultPort = 6667;

    public bool TryBuildOptions([NotNullWhen(true)] out HaClientOptions? options, out List<string> problems)
    {
        problems = [];
        var servers = new List<ServerEntry>();
        foreach (var text in Servers)
        {
            if (NetworkAddress.TryParse(text, DefaultPort, out var address, out var error))
            {
                servers.Add(new ServerEntry("s" + servers.Count.ToString(CultureInfo.InvariantCulture), address));
            }
            else
            {
                problems.Add(error);
            }
        }

        var defaults = HaClientOptions.Default;
        options = defaults with
        {
            Servers = servers,
            Nick = Nick,
            UserName = User,
            Password = Password,
            Channels = Channels,
            HeartbeatInterval = Duration(problems, "--heartbeat", Heartbeat, defaults.HeartbeatInterval),
            HeartbeatTimeout = Duration(problems, "--heartbeat-timeout", HeartbeatTimeout, defaults.HeartbeatTimeout),
            ConnectTimeout = Duration(problems, "--connect-timeout", ConnectTimeout, defaults.ConnectTimeout),
            FailbackHoldDown = Duration(problems, "--failback-hold-down", FailbackHoldDown, defaults.FailbackHoldDown),
            Failback = Failback,
        };

        // Option names as the user typed them, not as the record calls them; a bad address was said already.
        var serversBad = servers.Count < Servers.Count;
        problems.AddRange(options.Validate().Where(p => !(serversBad && p.StartsWith("Servers ", StringComparison.Ordinal))).Select(Rename));

        problems = [.. problems.Distinct()];
        if (problems.Count > 0)
        {
            options = null;
            return false;
        }

        return true;
    }

    private static TimeSpan Duration(List<string> problems, string name, string? text, TimeSpan fallback)
    {
        if (text is null)
        {
            return fallback;
        }

        if (Durations.TryParse(text, out var value))
        {
            return value;
        }

        problems.Add($"{name} {text}: not a duration (examples: 500ms, 2s, 1m)");
        return fallback;
    }

    private static string Rename(string problem) => problem
        .Replace("HeartbeatTimeout", "--heartbeat-timeout", StringComparison.Ordinal)
        .Replace("HeartbeatInterval", "--heartbeat", StringComparison.Ordinal)
        .Replace("ConnectTimeout", "--connect-timeout", StringComparison.Ordinal)
        .Replace("FailbackHoldDown", "--failback-hold-down", StringComparison.Ordinal)
        .Replace("UserName", "--user", StringComparison.Ordinal)
        .Replace("Password", "--password", StringComparison.Ordinal)
        .Replace("Nick ", "--nick ", StringComparison.Ordinal)
        .Replace("Servers must list at least one server", "give at least one server", StringComparison.Ordinal);
}
