namespace ApartiumChat.Scenarios.Tests;

/// <summary>
/// Small scenario files with known line numbers:
/// <code>
/// 1 {
/// 2   "name": "t",
/// 3   "servers": 3,
/// 4   "clients": 4,
/// 5   "durationMs": 5000,
/// 6   (first extra field)
/// </code>
/// </summary>
internal static class ScenarioText
{
    public static string Doc(params string[] extra) => DocWith("\"t\"", "3", "4", "5000", extra);

    /// <summary>A file with the four required fields as given (null leaves one out), then the extra fields.</summary>
    public static string DocWith(string? name, string? servers, string? clients, string? durationMs, params string[] extra)
    {
        var fields = new List<string>();
        if (name is not null)
        {
            fields.Add($"\"name\": {name}");
        }

        if (servers is not null)
        {
            fields.Add($"\"servers\": {servers}");
        }

        if (clients is not null)
        {
            fields.Add($"\"clients\": {clients}");
        }

        if (durationMs is not null)
        {
            fields.Add($"\"durationMs\": {durationMs}");
        }

        fields.AddRange(extra);
        return "{\n" + string.Join(",\n", fields.Select(f => "  " + f)) + "\n}\n";
    }

    /// <summary>A <c>faults</c> field whose n-th fault (0-based) is on line 7 + n.</summary>
    public static string FaultList(params string[] faults) =>
        "\"faults\": [\n" + string.Join(",\n", faults.Select(f => "    " + f)) + "\n  ]";

    /// <summary>The example of SCENARIOS.md, verbatim.</summary>
    public const string ContractExample = """
        {
          "name": "crash-primary",
          "description": "The primary crashes while everyone chats; all clients move to s1 and come back when s0 returns.",
          "seed": 1,
          "trials": 20,
          "mode": "tcp",
          "servers": 3,
          "clients": 8,
          "client": {
            "heartbeatIntervalMs": 100,
            "heartbeatTimeoutMs": 300,
            "reconnectBaseMs": 10,
            "reconnectMaxMs": 1000,
            "failback": true,
            "failbackHoldDownMs": 1000
          },
          "workload": { "channel": "#lobby", "ratePerClient": 5, "messageBytes": 64 },
          "durationMs": 6000,
          "faults": [
            { "atMs": 1000, "type": "crash", "server": "s0" },
            { "atMs": 3500, "type": "restart", "server": "s0" }
          ],
          "expect": {
            "lost": 0, "duplicated": 0, "reordered": 0, "unacked": 0, "falseFailovers": 0,
            "detectionMs": { "p99": 50 },
            "failoverMs": { "p99": 200 },
            "endOn": "s0"
          }
        }
        """;
}
