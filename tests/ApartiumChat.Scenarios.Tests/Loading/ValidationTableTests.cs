using ApartiumChat.Scenarios.Loading;
using static ApartiumChat.Scenarios.Tests.ScenarioText;

namespace ApartiumChat.Scenarios.Tests.Loading;

/// <summary>Broken scenario files and the exact errors each gets: path, line, what is wrong and what is allowed.</summary>
public sealed class ValidationTableTests
{
    private const string RootFields = "$schema, version, name, description, seed, trials, mode, servers, clients, client, workload, durationMs, faults, quiesceMs, expect";
    private const string FaultTypes = "crash, restart, hang, unhang, shutdown, latency, bandwidth, blackhole, reset, refuse, partition, slicer, heal";
    private const string NameAllowed = "lowercase letters, digits and '-' ([a-z0-9-]+)";

    private static IEnumerable<TestCaseData> Cases()
    {
        TestCaseData Case(string name, string json, params string[] errors) => new TestCaseData(json, errors).SetName(name);

        // Syntax and shape.
        yield return Case("Syntax_TrailingComma", "{\n  \"name\": \"t\",\n  \"servers\": 3,\n}\n",
            "$.servers (line 4): malformed JSON at column 1: The JSON object contains a trailing comma at the end which is not supported in this mode. Change the reader options; allowed: standard JSON (no comments, no trailing commas)");
        yield return Case("Syntax_Comment", "{\n  // a comment\n  \"name\": \"t\"\n}\n",
            "$ (line 2): malformed JSON at column 3: '/' is invalid after a value. Expected either ',', '}', or ']'; allowed: standard JSON (no comments, no trailing commas)");
        yield return Case("Syntax_Empty", "", "$ (line 1): the file holds no JSON; allowed: a JSON object");
        yield return Case("Syntax_OnlyWhitespace", " \n\t\n", "$ (line 1): the file holds no JSON; allowed: a JSON object");
        yield return Case("Syntax_Truncated", "{\n  \"name\": \"t\",\n  \"servers\": 3\n",
            "$.servers (line 4): malformed JSON at column 1: Expected depth to be zero at the end of the JSON payload. There is an open JSON object or array that should be closed; allowed: standard JSON (no comments, no trailing commas)");
        yield return Case("Syntax_GarbageAfterRoot", "{}\n{}",
            "$ (line 2): malformed JSON at column 1: '{' is invalid after a single JSON value. Expected end of data; allowed: standard JSON (no comments, no trailing commas)");
        yield return Case("Shape_RootIsList", "[]", "$ (line 1): a list is not a scenario; allowed: a JSON object");
        yield return Case("Shape_UnknownField", Doc("\"colour\": \"red\""), $"$.colour (line 6): unknown field; allowed: {RootFields}");
        yield return Case("Shape_DuplicateField", Doc("\"trials\": 5", "\"trials\": 6"), "$.trials (line 7): appears twice (first on line 6); allowed: each field once");
        yield return Case("Shape_RequiredFieldsMissing", "{\n}\n",
            $"$.name (line 1): missing; allowed: {NameAllowed}",
            "$.servers (line 1): missing; allowed: an integer 1..16",
            "$.clients (line 1): missing; allowed: an integer 1..10000",
            "$.durationMs (line 1): missing; allowed: an integer 100..3600000");

        // Root fields.
        yield return Case("Name_Pattern", DocWith("\"Crash_Primary\"", "3", "4", "5000"), $"$.name (line 2): 'Crash_Primary' is not a valid name; allowed: {NameAllowed}");
        yield return Case("Name_NotString", DocWith("5", "3", "4", "5000"), $"$.name (line 2): 5 is not a string; allowed: {NameAllowed}");
        yield return Case("Version_NotOne", Doc("\"version\": 2"), "$.version (line 6): 2 is out of range; allowed: 1");
        yield return Case("Schema_NotString", Doc("\"$schema\": 5"), "$.$schema (line 6): 5 is not a string; allowed: a path or URL of the JSON Schema (ignored)");
        yield return Case("Description_NotString", Doc("\"description\": [\"a\"]"), "$.description (line 6): a list is not a string; allowed: any text");
        yield return Case("Seed_Negative", Doc("\"seed\": -1"), "$.seed (line 6): -1 is out of range; allowed: 0..9007199254740991");
        yield return Case("Trials_Zero", Doc("\"trials\": 0"), "$.trials (line 6): 0 is out of range; allowed: 1..100000");
        yield return Case("Trials_String", Doc("\"trials\": \"20\""), "$.trials (line 6): '20' is not an integer; allowed: 1..100000");
        yield return Case("Trials_Fraction", Doc("\"trials\": 2.5"), "$.trials (line 6): 2.5 is not an integer; allowed: 1..100000");
        yield return Case("Trials_Null", Doc("\"trials\": null"), "$.trials (line 6): null is not an integer; allowed: 1..100000");
        yield return Case("Trials_Huge", Doc("\"trials\": 1e400"), "$.trials (line 6): 1e400 is out of range; allowed: 1..100000");
        yield return Case("Mode_Unknown", Doc("\"mode\": \"fast\""), "$.mode (line 6): 'fast' is not a mode; allowed: tcp, sim");
        yield return Case("Servers_TooMany", DocWith("\"t\"", "17", "4", "5000"), "$.servers (line 3): 17 is out of range; allowed: 1..16");
        yield return Case("Clients_Zero", DocWith("\"t\"", "3", "0", "5000"), "$.clients (line 4): 0 is out of range; allowed: 1..10000");
        yield return Case("Duration_TooShort", DocWith("\"t\"", "3", "4", "99"), "$.durationMs (line 5): 99 is out of range; allowed: 100..3600000");
        yield return Case("Quiesce_TooLong", Doc("\"quiesceMs\": 600001"), "$.quiesceMs (line 6): 600001 is out of range; allowed: 0..600000");

        // client.
        yield return Case("Client_NotObject", Doc("\"client\": 5"),
            "$.client (line 6): 5 is not an object; allowed: an object of serverOrder, heartbeatIntervalMs, heartbeatTimeoutMs, reconnectBaseMs, reconnectMaxMs, failback, failbackHoldDownMs");
        yield return Case("Client_UnknownField", Doc("\"client\": {\"heartbeat\": 100}"),
            "$.client.heartbeat (line 6): unknown field; allowed: serverOrder, heartbeatIntervalMs, heartbeatTimeoutMs, reconnectBaseMs, reconnectMaxMs, failback, failbackHoldDownMs");
        yield return Case("Client_TimeoutNotAboveInterval", Doc("\"client\": {\n    \"heartbeatIntervalMs\": 100,\n    \"heartbeatTimeoutMs\": 100\n  }"),
            "$.client.heartbeatTimeoutMs (line 8): 100 is not above heartbeatIntervalMs (100); allowed: more than 100");
        yield return Case("Client_ReconnectMaxBelowBase", Doc("\"client\": {\"reconnectBaseMs\": 100, \"reconnectMaxMs\": 50}"),
            "$.client.reconnectMaxMs (line 6): 50 is below reconnectBaseMs (100); allowed: 100..3600000");
        yield return Case("Client_FailbackNotBoolean", Doc("\"client\": {\"failback\": \"yes\"}"), "$.client.failback (line 6): 'yes' is not a boolean; allowed: true, false");
        yield return Case("Client_ServerOrderUnknownServer", Doc("\"client\": {\"serverOrder\": [\"s0\", \"s3\"]}"),
            "$.client.serverOrder[1] (line 6): 's3' is not a server of this scenario; allowed: s0, s1, s2");
        yield return Case("Client_ServerOrderNotCanonical", Doc("\"client\": {\"serverOrder\": [\"s01\"]}"),
            "$.client.serverOrder[0] (line 6): 's01' is not a server of this scenario; allowed: s0, s1, s2");
        yield return Case("Client_ServerOrderTwice", Doc("\"client\": {\"serverOrder\": [\"s0\", \"s0\"]}"),
            "$.client.serverOrder[1] (line 6): 's0' is listed twice; allowed: each server once");
        yield return Case("Client_ServerOrderEmpty", Doc("\"client\": {\"serverOrder\": []}"),
            "$.client.serverOrder (line 6): an empty list names no server; allowed: one or more of s0, s1, s2");
        yield return Case("Client_IntervalZero", Doc("\"client\": {\"heartbeatIntervalMs\": 0}"),
            "$.client.heartbeatIntervalMs (line 6): 0 is out of range; allowed: 1..600000");

        // workload.
        yield return Case("Workload_TooManySenders", Doc("\"workload\": {\"senders\": 5}"), "$.workload.senders (line 6): 5 is out of range; allowed: 0..4");
        yield return Case("Workload_ChannelName", Doc("\"workload\": {\"channel\": \"lobby\"}"),
            "$.workload.channel (line 6): 'lobby' is not a channel name; allowed: '#' then 1 to 49 characters other than space, comma, colon and control characters");
        yield return Case("Workload_ChannelWithSpace", Doc("\"workload\": {\"channel\": \"#a b\"}"),
            "$.workload.channel (line 6): '#a b' is not a channel name; allowed: '#' then 1 to 49 characters other than space, comma, colon and control characters");
        yield return Case("Workload_MessageTooSmall", Doc("\"workload\": {\"messageBytes\": 15}"), "$.workload.messageBytes (line 6): 15 is out of range; allowed: 16..400");
        yield return Case("Workload_RateTooHigh", Doc("\"workload\": {\"ratePerClient\": 1001}"), "$.workload.ratePerClient (line 6): 1001 is out of range; allowed: 0..1000");
        yield return Case("Workload_OverMillionDeliveries", DocWith("\"t\"", "3", "1000", "5000", "\"workload\": {\"ratePerClient\": 10}"),
            "$.workload (line 6): 1000 senders x 10 msg/s x 999 receivers = 9990000 deliveries/s; allowed: at most 1000000");
        yield return Case("Workload_DefaultOverMillionDeliveries", DocWith("\"t\"", "3", "1000", "5000"),
            "$.clients (line 4): 1000 senders x 2 msg/s x 999 receivers = 1998000 deliveries/s; allowed: at most 1000000");
        yield return Case("Workload_UnknownField", Doc("\"workload\": {\"rate\": 1}"),
            "$.workload.rate (line 6): unknown field; allowed: channel, senders, ratePerClient, messageBytes");

        // faults.
        yield return Case("Faults_NotList", Doc("\"faults\": {}"), "$.faults (line 6): an object is not a list; allowed: a list of faults, each with atMs, type and server");
        yield return Case("Faults_ItemNotObject", Doc("\"faults\": [\"crash\"]"), "$.faults[0] (line 6): 'crash' is not a fault; allowed: an object with atMs, type and server");
        yield return Case("Fault_UnknownServer", Doc(FaultList("{\"atMs\": 1000, \"type\": \"crash\", \"server\": \"s7\"}")),
            "$.faults[0].server (line 7): 's7' is not a server of this scenario; allowed: s0, s1, s2");
        yield return Case("Fault_UnknownType", Doc(FaultList("{\"atMs\": 1000, \"type\": \"explode\", \"server\": \"s0\"}")),
            $"$.faults[0].type (line 7): 'explode' is not a fault type; allowed: {FaultTypes}");
        yield return Case("Fault_EverythingMissing", Doc(FaultList("{}")),
            "$.faults[0].atMs (line 7): missing; allowed: an integer 0..3600000",
            "$.faults[0].server (line 7): missing; allowed: s0, s1, s2",
            $"$.faults[0].type (line 7): missing; allowed: {FaultTypes}");
        yield return Case("Fault_BeyondDuration", Doc(FaultList("{\"atMs\": 6000, \"type\": \"crash\", \"server\": \"s0\"}")),
            "$.faults[0].atMs (line 7): 6000 is beyond durationMs; allowed: 0..5000");
        yield return Case("Fault_FieldOfAnotherType", Doc(FaultList("{\"atMs\": 1000, \"type\": \"crash\", \"server\": \"s0\", \"forMs\": 100}")),
            "$.faults[0].forMs (line 7): not a field of a 'crash' fault; allowed: atMs, type, server");
        yield return Case("Fault_HealWithToxicity", Doc(FaultList("{\"atMs\": 1000, \"type\": \"heal\", \"server\": \"s0\", \"toxicity\": 0.5}")),
            "$.faults[0].toxicity (line 7): not a field of a 'heal' fault; allowed: atMs, type, server, clients");
        yield return Case("Fault_LatencyWithoutLatency", Doc(FaultList("{\"atMs\": 1000, \"type\": \"latency\", \"server\": \"s0\"}")),
            "$.faults[0].latencyMs (line 7): missing; allowed: an integer 0..60000");
        yield return Case("Fault_BandwidthZero", Doc(FaultList("{\"atMs\": 1000, \"type\": \"bandwidth\", \"server\": \"s0\", \"rateKBps\": 0}")),
            "$.faults[0].rateKBps (line 7): 0 is out of range; allowed: 1..1000000");
        yield return Case("Fault_ToxicityAboveOne", Doc(FaultList("{\"atMs\": 1000, \"type\": \"blackhole\", \"server\": \"s0\", \"toxicity\": 1.5}")),
            "$.faults[0].toxicity (line 7): 1.5 is out of range; allowed: 0..1");
        yield return Case("Fault_Direction", Doc(FaultList("{\"atMs\": 1000, \"type\": \"blackhole\", \"server\": \"s0\", \"direction\": \"sideways\"}")),
            "$.faults[0].direction (line 7): 'sideways' is not a direction; allowed: upstream, downstream, both");
        yield return Case("Fault_ForMsZero", Doc(FaultList("{\"atMs\": 1000, \"type\": \"partition\", \"server\": \"s0\", \"forMs\": 0}")),
            "$.faults[0].forMs (line 7): 0 is out of range; allowed: 1..3600000");
        yield return Case("Fault_UnknownClient", Doc(FaultList("{\"atMs\": 1000, \"type\": \"partition\", \"server\": \"s0\", \"clients\": [\"c4\"]}")),
            "$.faults[0].clients[0] (line 7): 'c4' is not a client of this scenario; allowed: c0, c1, c2, c3");
        yield return Case("Fault_NoClients", Doc(FaultList("{\"atMs\": 1000, \"type\": \"partition\", \"server\": \"s0\", \"clients\": []}")),
            "$.faults[0].clients (line 7): an empty list names no client; allowed: one or more of c0, c1, c2, c3, or omit the field for every client");
        yield return Case("Fault_SlicerVariationNotBelowAverage", Doc(FaultList("{\"atMs\": 1000, \"type\": \"slicer\", \"server\": \"s0\", \"averageBytes\": 100, \"variationBytes\": 100}")),
            "$.faults[0].variationBytes (line 7): 100 is not below averageBytes (100); allowed: 0..99");

        // The timeline, replayed in time order.
        yield return Case("Timeline_RestartOfRunningServer", Doc(FaultList("{\"atMs\": 1000, \"type\": \"restart\", \"server\": \"s0\"}")),
            "$.faults[0].type (line 7): restart of s0 at 1000 ms, but s0 is running then; allowed for a running server: crash, hang, shutdown");
        yield return Case("Timeline_UnhangOfServerNotHung", Doc(FaultList("{\"atMs\": 2000, \"type\": \"unhang\", \"server\": \"s1\"}")),
            "$.faults[0].type (line 7): unhang of s1 at 2000 ms, but s1 is running then; allowed for a running server: crash, hang, shutdown");
        yield return Case("Timeline_CrashOfDownServer", Doc(FaultList(
                "{\"atMs\": 1000, \"type\": \"crash\", \"server\": \"s0\"}",
                "{\"atMs\": 2000, \"type\": \"crash\", \"server\": \"s0\"}")),
            "$.faults[1].type (line 8): crash of s0 at 2000 ms, but s0 is down then; allowed for a down server: restart");
        yield return Case("Timeline_ShutdownOfHungServer", Doc(FaultList(
                "{\"atMs\": 1000, \"type\": \"hang\", \"server\": \"s0\"}",
                "{\"atMs\": 2000, \"type\": \"shutdown\", \"server\": \"s0\"}")),
            "$.faults[1].type (line 8): shutdown of s0 at 2000 ms, but s0 is hung then; allowed for a hung server: unhang, crash");
        yield return Case("Timeline_JudgedInTimeOrderNotFileOrder", Doc(FaultList(
                "{\"atMs\": 3000, \"type\": \"crash\", \"server\": \"s0\"}",
                "{\"atMs\": 1000, \"type\": \"restart\", \"server\": \"s0\"}")),
            "$.faults[1].type (line 8): restart of s0 at 1000 ms, but s0 is running then; allowed for a running server: crash, hang, shutdown");

        // expect.
        yield return Case("Expect_UnknownFigure", Doc("\"expect\": {\"lostMessages\": 0}"),
            "$.expect.lostMessages (line 6): unknown field; allowed: lost, duplicated, reordered, unacked, undetected, falseFailovers, failedSends, detectionMs, failoverMs, firstDeliveryMs, failbackMs, failovers, failbacks, endOn");
        yield return Case("Expect_NegativeCount", Doc("\"expect\": {\"lost\": -1}"), "$.expect.lost (line 6): -1 is out of range; allowed: 0 or more");
        yield return Case("Expect_TimingNotObject", Doc("\"expect\": {\"detectionMs\": 50}"),
            "$.expect.detectionMs (line 6): 50 is not an object; allowed: an object of p50, p90, p99, max (ms)");
        yield return Case("Expect_TimingEmpty", Doc("\"expect\": {\"detectionMs\": {}}"),
            "$.expect.detectionMs (line 6): an empty bound checks nothing; allowed: one or more of p50, p90, p99, max (ms)");
        yield return Case("Expect_TimingUnknownPercentile", Doc("\"expect\": {\"detectionMs\": {\"p95\": 50}}"),
            "$.expect.detectionMs.p95 (line 6): unknown field; allowed: p50, p90, p99, max");
        yield return Case("Expect_TimingNegative", Doc("\"expect\": {\"failoverMs\": {\"max\": -5}}"),
            "$.expect.failoverMs.max (line 6): -5 is out of range; allowed: 0 or more");
        yield return Case("Expect_RangeMinAboveMax", Doc("\"expect\": {\"failovers\": {\"min\": 3, \"max\": 2}}"),
            "$.expect.failovers.min (line 6): 3 is above max (2); allowed: 0..2");
        yield return Case("Expect_EndOnUnknownServer", Doc("\"expect\": {\"endOn\": \"s9\"}"),
            "$.expect.endOn (line 6): 's9' is not a server of this scenario; allowed: s0, s1, s2");

        // Several problems: all reported, in line order; one mistake reported once.
        yield return Case("Many_AllReportedInLineOrder", DocWith("\"t\"", "3", "4", "5000",
                "\"trials\": 0",
                FaultList("{\"atMs\": 1000, \"type\": \"crash\", \"server\": \"s9\"}"),
                "\"mode\": \"x\""),
            "$.trials (line 6): 0 is out of range; allowed: 1..100000",
            "$.faults[0].server (line 8): 's9' is not a server of this scenario; allowed: s0, s1, s2",
            "$.mode (line 10): 'x' is not a mode; allowed: tcp, sim");
        yield return Case("Many_BadServerCountIsNotRepeatedOnIds", DocWith("\"t\"", "0", "4", "5000",
                FaultList("{\"atMs\": 1000, \"type\": \"crash\", \"server\": \"s1\"}")),
            "$.servers (line 3): 0 is out of range; allowed: 1..16");
    }

    [TestCaseSource(nameof(Cases))]
    public void BrokenFile_IsRefusedWithExactErrors(string json, string[] expected)
    {
        var result = ScenarioLoader.Load(json);

        Assert.That(result.IsValid, Is.False);
        Assert.That(result.Errors.Select(e => e.ToString()), Is.EqualTo(expected));
    }
}
