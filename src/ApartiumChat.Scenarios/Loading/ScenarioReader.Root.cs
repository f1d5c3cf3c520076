using System.Text.RegularExpressions;
using ApartiumChat.Scenarios.Model;

namespace ApartiumChat.Scenarios.Loading;

internal sealed partial class ScenarioReader
{
    public const int MaxServers = 16;
    public const int MaxClients = 10000;
    public const int MaxDurationMs = 3_600_000;

    private static readonly string[] RootFields =
    [
        "$schema", "version", "name", "description", "seed", "trials", "mode", "servers", "clients",
        "client", "workload", "durationMs", "faults", "quiesceMs", "expect",
    ];

    private readonly ScenarioClientOptions _clientDefaults;

    public ScenarioReader(ScenarioClientOptions clientDefaults)
    {
        _clientDefaults = clientDefaults;
    }

    /// <summary>The scenario, or null when anything was wrong (see <see cref="Errors"/>).</summary>
    public Scenario? Read(SourceNode root)
    {
        if (root is not SourceObject obj)
        {
            Error(root, $"{root.Describe()} is not a scenario; allowed: a JSON object");
            return null;
        }

        RefuseUnknown(obj, RootFields);
        Text(obj, "$schema", "a path or URL of the JSON Schema (ignored)");
        var version = Integer(obj, "version", 1, 1);
        var name = Name(obj);
        var description = Text(obj, "description", "any text") ?? "";
        var seed = Integer(obj, "seed", 0, MaxExactInteger);
        var trials = Int(obj, "trials", 1, 100_000);
        var mode = Mode(obj);
        var servers = Int(obj, "servers", 1, MaxServers, required: true);
        var clients = Int(obj, "clients", 1, MaxClients, required: true);
        var durationMs = Int(obj, "durationMs", 100, MaxDurationMs, required: true);
        var quiesceMs = Int(obj, "quiesceMs", 0, 600_000);

        var client = ClientSection(obj, servers);
        var workload = WorkloadSection(obj, clients);
        var faults = FaultList(obj, servers, clients, durationMs);
        var expect = ExpectSection(obj, servers);

        if (_errors.Count > 0 || name is null || servers is null || clients is null || durationMs is null)
        {
            return null;
        }

        return new Scenario
        {
            Version = (int)(version ?? 1),
            Name = name,
            Description = description,
            Seed = seed ?? 1,
            Trials = trials ?? 10,
            Mode = mode ?? ScenarioMode.Tcp,
            Servers = servers.Value,
            Clients = clients.Value,
            Client = client,
            Workload = workload,
            DurationMs = durationMs.Value,
            Faults = faults,
            QuiesceMs = quiesceMs ?? 10000,
            Expect = expect,
        };
    }

    private string? Name(SourceObject obj)
    {
        const string allowed = "lowercase letters, digits and '-' ([a-z0-9-]+)";
        var name = Text(obj, "name", allowed, required: true);
        if (name is null)
        {
            return null;
        }

        if (!NamePattern().IsMatch(name))
        {
            Error(Get(obj, "name")!, $"'{name}' is not a valid name; allowed: {allowed}");
            return null;
        }

        return name;
    }

    private ScenarioMode? Mode(SourceObject obj)
    {
        var mode = Text(obj, "mode", "tcp, sim");
        switch (mode)
        {
            case null:
                return null;
            case "tcp":
                return ScenarioMode.Tcp;
            case "sim":
                return ScenarioMode.Sim;
            default:
                Error(Get(obj, "mode")!, $"'{mode}' is not a mode; allowed: tcp, sim");
                return null;
        }
    }

    [GeneratedRegex(@"^[a-z0-9-]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
