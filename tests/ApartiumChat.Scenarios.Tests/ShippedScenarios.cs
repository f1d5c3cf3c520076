namespace ApartiumChat.Scenarios.Tests;

/// <summary>The scenarios shipped in scenarios/, copied beside the test assembly.</summary>
internal static class ShippedScenarios
{
    public static string Directory => Path.Combine(TestContext.CurrentContext.TestDirectory, "scenarios");

    /// <summary>The scenarios the issue asks to ship: each must exist.</summary>
    public static IEnumerable<string> Names() =>
    [
        "crash-primary", "hang-primary", "blackhole-primary", "partition-one-client", "latency-no-false-failover",
        "flapping-primary", "cascade", "graceful-shutdown", "all-down-then-recover", "slow-primary",
    ];

    public static string PathOf(string name) => Path.Combine(Directory, name + ".json");
}
