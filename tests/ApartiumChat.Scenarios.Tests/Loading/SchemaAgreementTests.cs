using System.Text.Json;
using ApartiumChat.Scenarios.Loading;
using ApartiumChat.Scenarios.Running;
using Json.Schema;
using static ApartiumChat.Scenarios.Tests.ScenarioText;

namespace ApartiumChat.Scenarios.Tests.Loading;

/// <summary>
/// scenarios/scenario.schema.json and the loader say the same thing wherever the schema can
/// say it; the loader alone checks what needs the whole file (ids against counts, the timeline).
/// </summary>
public sealed class SchemaAgreementTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(
        File.ReadAllText(Path.Combine(ShippedScenarios.Directory, ScenarioResolver.SchemaFile)),
        new BuildOptions { SchemaRegistry = new SchemaRegistry() }));

    private static bool SchemaAccepts(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.Flag }).IsValid;
    }

    [TestCaseSource(typeof(ShippedScenarios), nameof(ShippedScenarios.Names))]
    public void ShippedScenario_IsValid_ForSchemaAndLoader(string name)
    {
        var json = File.ReadAllText(ShippedScenarios.PathOf(name));

        Assert.That(SchemaAccepts(json), Is.True, "schema");
        Assert.That(ScenarioLoader.Load(json).Errors.Select(e => e.ToString()), Is.Empty, "loader");
    }

    [Test]
    public void ContractExample_IsValid_ForSchemaAndLoader()
    {
        Assert.That(SchemaAccepts(ContractExample), Is.True);
        Assert.That(ScenarioLoader.Load(ContractExample).IsValid, Is.True);
    }

    private static IEnumerable<TestCaseData> Agreement()
    {
        TestCaseData Case(string name, string json, bool valid) => new TestCaseData(json, valid).SetName(name);
        string Fault(string fault) => Doc(FaultList(fault));

        yield return Case("Valid_Minimal", Doc(), true);
        yield return Case("Valid_EveryRootField", Doc(
            "\"$schema\": \"./scenario.schema.json\"", "\"version\": 1", "\"description\": \"d\"", "\"seed\": 9007199254740991",
            "\"trials\": 100000", "\"mode\": \"sim\"", "\"quiesceMs\": 0"), true);
        yield return Case("Valid_EveryLinkType", Doc(FaultList(
            "{\"atMs\": 0, \"type\": \"latency\", \"server\": \"s0\", \"latencyMs\": 0, \"jitterMs\": 5, \"clients\": [\"c0\"], \"direction\": \"downstream\", \"forMs\": 1, \"toxicity\": 0}",
            "{\"atMs\": 0, \"type\": \"bandwidth\", \"server\": \"s0\", \"rateKBps\": 1}",
            "{\"atMs\": 0, \"type\": \"blackhole\", \"server\": \"s1\", \"toxicity\": 1}",
            "{\"atMs\": 0, \"type\": \"reset\", \"server\": \"s1\"}",
            "{\"atMs\": 0, \"type\": \"refuse\", \"server\": \"s1\"}",
            "{\"atMs\": 0, \"type\": \"partition\", \"server\": \"s1\", \"direction\": \"upstream\"}",
            "{\"atMs\": 0, \"type\": \"slicer\", \"server\": \"s2\", \"averageBytes\": 10, \"variationBytes\": 9, \"delayUs\": 1000000}",
            "{\"atMs\": 10, \"type\": \"heal\", \"server\": \"s2\", \"clients\": [\"c3\"]}")), true);
        yield return Case("Valid_EveryExpectation", Doc("\"expect\": {\"lost\": 0, \"duplicated\": 0, \"reordered\": 0, \"unacked\": 0, \"undetected\": 0, \"falseFailovers\": 0, \"failedSends\": 0, "
            + "\"detectionMs\": {\"p50\": 1, \"p90\": 2, \"p99\": 3, \"max\": 4.5}, \"failoverMs\": {\"max\": 0}, \"firstDeliveryMs\": {\"p99\": 1}, \"failbackMs\": {\"p50\": 1}, "
            + "\"failovers\": {\"min\": 0}, \"failbacks\": {\"max\": 3}, \"endOn\": \"s2\"}"), true);
        yield return Case("Valid_IntegerWrittenWithFraction", Doc("\"trials\": 20.0"), true);

        yield return Case("Refused_UnknownRootField", Doc("\"colour\": 1"), false);
        yield return Case("Refused_MissingName", DocWith(null, "3", "4", "5000"), false);
        yield return Case("Refused_MissingServers", DocWith("\"t\"", null, "4", "5000"), false);
        yield return Case("Refused_NamePattern", DocWith("\"Bad Name\"", "3", "4", "5000"), false);
        yield return Case("Refused_Version2", Doc("\"version\": 2"), false);
        yield return Case("Refused_SeedNegative", Doc("\"seed\": -1"), false);
        yield return Case("Refused_SeedAbove2Pow53", Doc("\"seed\": 9007199254740992"), false);
        yield return Case("Refused_TrialsZero", Doc("\"trials\": 0"), false);
        yield return Case("Refused_TrialsTooMany", Doc("\"trials\": 100001"), false);
        yield return Case("Refused_TrialsFraction", Doc("\"trials\": 2.5"), false);
        yield return Case("Refused_TrialsString", Doc("\"trials\": \"2\""), false);
        yield return Case("Refused_Mode", Doc("\"mode\": \"udp\""), false);
        yield return Case("Refused_ServersZero", DocWith("\"t\"", "0", "4", "5000"), false);
        yield return Case("Refused_Servers17", DocWith("\"t\"", "17", "4", "5000"), false);
        yield return Case("Refused_Clients10001", DocWith("\"t\"", "3", "10001", "5000"), false);
        yield return Case("Refused_Duration99", DocWith("\"t\"", "3", "4", "99"), false);
        yield return Case("Refused_Quiesce", Doc("\"quiesceMs\": -1"), false);
        yield return Case("Refused_ClientUnknownField", Doc("\"client\": {\"x\": 1}"), false);
        yield return Case("Refused_ClientIntervalZero", Doc("\"client\": {\"heartbeatIntervalMs\": 0}"), false);
        yield return Case("Refused_ClientFailbackString", Doc("\"client\": {\"failback\": \"yes\"}"), false);
        yield return Case("Refused_ServerOrderEmpty", Doc("\"client\": {\"serverOrder\": []}"), false);
        yield return Case("Refused_ServerOrderTwice", Doc("\"client\": {\"serverOrder\": [\"s1\", \"s1\"]}"), false);
        yield return Case("Refused_ServerOrderBadId", Doc("\"client\": {\"serverOrder\": [\"x1\"]}"), false);
        yield return Case("Refused_WorkloadChannel", Doc("\"workload\": {\"channel\": \"lobby\"}"), false);
        yield return Case("Refused_WorkloadRate", Doc("\"workload\": {\"ratePerClient\": -1}"), false);
        yield return Case("Refused_WorkloadBytes", Doc("\"workload\": {\"messageBytes\": 401}"), false);
        yield return Case("Refused_WorkloadUnknown", Doc("\"workload\": {\"x\": 1}"), false);
        yield return Case("Refused_FaultsNotList", Doc("\"faults\": {}"), false);
        yield return Case("Refused_FaultMissingType", Fault("{\"atMs\": 0, \"server\": \"s0\"}"), false);
        yield return Case("Refused_FaultMissingServer", Fault("{\"atMs\": 0, \"type\": \"crash\"}"), false);
        yield return Case("Refused_FaultUnknownType", Fault("{\"atMs\": 0, \"type\": \"explode\", \"server\": \"s0\"}"), false);
        yield return Case("Refused_FaultNegativeAt", Fault("{\"atMs\": -1, \"type\": \"crash\", \"server\": \"s0\"}"), false);
        yield return Case("Refused_ServerFaultWithLinkField", Fault("{\"atMs\": 0, \"type\": \"crash\", \"server\": \"s0\", \"clients\": [\"c0\"]}"), false);
        yield return Case("Refused_HealWithForMs", Fault("{\"atMs\": 0, \"type\": \"heal\", \"server\": \"s0\", \"forMs\": 5}"), false);
        yield return Case("Refused_LatencyWithoutLatency", Fault("{\"atMs\": 0, \"type\": \"latency\", \"server\": \"s0\"}"), false);
        yield return Case("Refused_LatencyWithRate", Fault("{\"atMs\": 0, \"type\": \"latency\", \"server\": \"s0\", \"latencyMs\": 5, \"rateKBps\": 5}"), false);
        yield return Case("Refused_BandwidthWithoutRate", Fault("{\"atMs\": 0, \"type\": \"bandwidth\", \"server\": \"s0\"}"), false);
        yield return Case("Refused_SlicerWithoutAverage", Fault("{\"atMs\": 0, \"type\": \"slicer\", \"server\": \"s0\"}"), false);
        yield return Case("Refused_Toxicity", Fault("{\"atMs\": 0, \"type\": \"blackhole\", \"server\": \"s0\", \"toxicity\": 2}"), false);
        yield return Case("Refused_Direction", Fault("{\"atMs\": 0, \"type\": \"blackhole\", \"server\": \"s0\", \"direction\": \"in\"}"), false);
        yield return Case("Refused_ForMsZero", Fault("{\"atMs\": 0, \"type\": \"blackhole\", \"server\": \"s0\", \"forMs\": 0}"), false);
        yield return Case("Refused_ClientsEmpty", Fault("{\"atMs\": 0, \"type\": \"blackhole\", \"server\": \"s0\", \"clients\": []}"), false);
        yield return Case("Refused_ClientsTwice", Fault("{\"atMs\": 0, \"type\": \"blackhole\", \"server\": \"s0\", \"clients\": [\"c1\", \"c1\"]}"), false);
        yield return Case("Refused_ClientIdShape", Fault("{\"atMs\": 0, \"type\": \"blackhole\", \"server\": \"s0\", \"clients\": [\"c01\"]}"), false);
        yield return Case("Refused_ServerIdShape", Fault("{\"atMs\": 0, \"type\": \"crash\", \"server\": \"S0\"}"), false);
        yield return Case("Refused_ExpectUnknown", Doc("\"expect\": {\"x\": 1}"), false);
        yield return Case("Refused_ExpectCountNegative", Doc("\"expect\": {\"lost\": -1}"), false);
        yield return Case("Refused_ExpectTimingEmpty", Doc("\"expect\": {\"detectionMs\": {}}"), false);
        yield return Case("Refused_ExpectTimingUnknown", Doc("\"expect\": {\"detectionMs\": {\"p95\": 1}}"), false);
        yield return Case("Refused_ExpectTimingNotObject", Doc("\"expect\": {\"detectionMs\": 5}"), false);
        yield return Case("Refused_ExpectRangeEmpty", Doc("\"expect\": {\"failovers\": {}}"), false);
        yield return Case("Refused_ExpectRangeNegative", Doc("\"expect\": {\"failbacks\": {\"min\": -1}}"), false);
        yield return Case("Refused_ExpectEndOnShape", Doc("\"expect\": {\"endOn\": \"server0\"}"), false);
    }

    [TestCaseSource(nameof(Agreement))]
    public void SchemaAndLoader_Agree(string json, bool valid)
    {
        Assert.That(SchemaAccepts(json), Is.EqualTo(valid), "schema");
        Assert.That(ScenarioLoader.Load(json).IsValid, Is.EqualTo(valid), "loader");
    }

    private static IEnumerable<TestCaseData> LoaderOnly()
    {
        TestCaseData Case(string name, string json) => new TestCaseData(json).SetName(name);

        yield return Case("ServerBeyondCount", Doc(FaultList("{\"atMs\": 0, \"type\": \"crash\", \"server\": \"s5\"}")));
        yield return Case("ClientBeyondCount", Doc(FaultList("{\"atMs\": 0, \"type\": \"reset\", \"server\": \"s0\", \"clients\": [\"c9\"]}")));
        yield return Case("RestartOfRunningServer", Doc(FaultList("{\"atMs\": 0, \"type\": \"restart\", \"server\": \"s0\"}")));
        yield return Case("UnhangOfRunningServer", Doc(FaultList("{\"atMs\": 0, \"type\": \"unhang\", \"server\": \"s0\"}")));
        yield return Case("AtMsBeyondDuration", Doc(FaultList("{\"atMs\": 5001, \"type\": \"crash\", \"server\": \"s0\"}")));
        yield return Case("TimeoutNotAboveInterval", Doc("\"client\": {\"heartbeatIntervalMs\": 300, \"heartbeatTimeoutMs\": 300}"));
        yield return Case("TooManyDeliveries", DocWith("\"t\"", "3", "2000", "5000"));
        yield return Case("SendersAboveClients", Doc("\"workload\": {\"senders\": 5}"));
        yield return Case("EndOnBeyondCount", Doc("\"expect\": {\"endOn\": \"s3\"}"));
        yield return Case("DuplicateField", Doc("\"seed\": 1", "\"seed\": 2"));
    }

    /// <summary>Rules the schema cannot express: it accepts these files, the loader refuses them.</summary>
    [TestCaseSource(nameof(LoaderOnly))]
    public void RuleBeyondTheSchema_IsCaughtByTheLoader(string json)
    {
        Assert.That(SchemaAccepts(json), Is.True, "the schema cannot express this rule");
        Assert.That(ScenarioLoader.Load(json).IsValid, Is.False, "loader");
    }
}
