using ApartiumChat.Scenarios.Loading;
using ApartiumChat.Scenarios.Model;
using static ApartiumChat.Scenarios.Tests.ScenarioText;

namespace ApartiumChat.Scenarios.Tests.Loading;

public sealed class ScenarioLoaderTests
{
    private static Scenario Valid(string json, ScenarioLoadOptions? options = null)
    {
        var result = ScenarioLoader.Load(json, options);
        Assert.That(result.Errors.Select(e => e.ToString()), Is.Empty);
        return result.Scenario!;
    }

    [Test]
    public void ContractExample_LoadsEveryField()
    {
        var s = Valid(ContractExample);

        Assert.Multiple(() =>
        {
            Assert.That(s.Name, Is.EqualTo("crash-primary"));
            Assert.That(s.Description, Does.StartWith("The primary crashes"));
            Assert.That((s.Seed, s.Trials, s.Mode, s.Servers, s.Clients, s.DurationMs), Is.EqualTo((1L, 20, ScenarioMode.Tcp, 3, 8, 6000)));
            Assert.That(s.Client.HeartbeatIntervalMs, Is.EqualTo(100));
            Assert.That(s.Client.HeartbeatTimeoutMs, Is.EqualTo(300));
            Assert.That(s.Client.ReconnectBaseMs, Is.EqualTo(10));
            Assert.That(s.Client.ReconnectMaxMs, Is.EqualTo(1000));
            Assert.That(s.Client.Failback, Is.True);
            Assert.That(s.Client.FailbackHoldDownMs, Is.EqualTo(1000));
            Assert.That(s.Workload, Is.EqualTo(new Workload { Channel = "#lobby", RatePerClient = 5, MessageBytes = 64 }));
            Assert.That(s.Faults, Is.EqualTo(new[]
            {
                new Fault { Index = 0, AtMs = 1000, Type = FaultType.Crash, Server = "s0" },
                new Fault { Index = 1, AtMs = 3500, Type = FaultType.Restart, Server = "s0" },
            }));
            Assert.That(s.Expect.Lost, Is.EqualTo(0));
            Assert.That(s.Expect.FalseFailovers, Is.EqualTo(0));
            Assert.That(s.Expect.DetectionMs, Is.EqualTo(new TimingBound { P99 = 50 }));
            Assert.That(s.Expect.FailoverMs, Is.EqualTo(new TimingBound { P99 = 200 }));
            Assert.That(s.Expect.EndOn, Is.EqualTo("s0"));
            Assert.That(s.Expect.Undetected, Is.Null);
        });
    }

    [Test]
    public void MinimalFile_TakesTheContractDefaults()
    {
        var s = Valid(Doc());

        Assert.Multiple(() =>
        {
            Assert.That(s.Version, Is.EqualTo(1));
            Assert.That(s.Description, Is.EqualTo(""));
            Assert.That(s.Seed, Is.EqualTo(1));
            Assert.That(s.Trials, Is.EqualTo(10));
            Assert.That(s.Mode, Is.EqualTo(ScenarioMode.Tcp));
            Assert.That(s.Client, Is.EqualTo(ScenarioClientOptions.Default));
            Assert.That(s.Client.EffectiveServerOrder(s.Servers), Is.EqualTo(new[] { "s0", "s1", "s2" }));
            Assert.That(s.Workload.Channel, Is.EqualTo("#lobby"));
            Assert.That(s.Workload.EffectiveSenders(s.Clients), Is.EqualTo(4));
            Assert.That(s.Workload.RatePerClient, Is.EqualTo(2));
            Assert.That(s.Workload.MessageBytes, Is.EqualTo(32));
            Assert.That(s.Faults, Is.Empty);
            Assert.That(s.QuiesceMs, Is.EqualTo(10000));
            Assert.That(s.Expect, Is.EqualTo(Expectations.None));
            Assert.That(s.ServerIds, Is.EqualTo(new[] { "s0", "s1", "s2" }));
            Assert.That(s.ClientIds, Is.EqualTo(new[] { "c0", "c1", "c2", "c3" }));
        });
    }

    [Test]
    public void LinkFault_TakesLinkDefaults_AndTypeDefaults()
    {
        var s = Valid(Doc(FaultList(
            "{\"atMs\": 100, \"type\": \"blackhole\", \"server\": \"s1\"}",
            "{\"atMs\": 200, \"type\": \"latency\", \"server\": \"s1\", \"latencyMs\": 40}",
            "{\"atMs\": 300, \"type\": \"slicer\", \"server\": \"s1\", \"averageBytes\": 8}")));

        Assert.That(s.Faults[0], Is.EqualTo(new Fault { Index = 0, AtMs = 100, Type = FaultType.Blackhole, Server = "s1", Direction = LinkDirection.Both, Toxicity = 1 }));
        Assert.That(s.Faults[0].Clients, Is.Null);
        Assert.That((s.Faults[1].LatencyMs, s.Faults[1].JitterMs), Is.EqualTo((40, 0)));
        Assert.That((s.Faults[2].AverageBytes, s.Faults[2].VariationBytes, s.Faults[2].DelayUs), Is.EqualTo((8, 0, 0)));
    }

    [Test]
    public void LinkFault_ReadsEveryField()
    {
        var s = Valid(Doc(FaultList(
            "{\"atMs\": 100, \"type\": \"latency\", \"server\": \"s2\", \"clients\": [\"c3\", \"c1\"], \"direction\": \"upstream\", \"forMs\": 500, \"toxicity\": 0.25, \"latencyMs\": 40, \"jitterMs\": 10}",
            "{\"atMs\": 200, \"type\": \"bandwidth\", \"server\": \"s0\", \"direction\": \"downstream\", \"rateKBps\": 16}",
            "{\"atMs\": 300, \"type\": \"slicer\", \"server\": \"s0\", \"averageBytes\": 8, \"variationBytes\": 3, \"delayUs\": 50}",
            "{\"atMs\": 900, \"type\": \"heal\", \"server\": \"s2\", \"clients\": [\"c1\"]}")));

        var latency = s.Faults[0];
        Assert.Multiple(() =>
        {
            Assert.That(latency.Clients, Is.EqualTo(new[] { "c3", "c1" }));
            Assert.That((latency.Direction, latency.ForMs, latency.Toxicity, latency.LatencyMs, latency.JitterMs), Is.EqualTo((LinkDirection.Upstream, 500, 0.25, 40, 10)));
            Assert.That(latency.HealsAtMs, Is.EqualTo(600));
            Assert.That((s.Faults[1].Direction, s.Faults[1].RateKBps), Is.EqualTo((LinkDirection.Downstream, 16)));
            Assert.That((s.Faults[2].AverageBytes, s.Faults[2].VariationBytes, s.Faults[2].DelayUs), Is.EqualTo((8, 3, 50)));
            Assert.That((s.Faults[3].Type, s.Faults[3].Clients), Is.EqualTo((FaultType.Heal, new[] { "c1" })));
        });
    }

    [Test]
    public void ResetAndRefuse_AcceptEveryLinkField()
    {
        var s = Valid(Doc(FaultList(
            "{\"atMs\": 100, \"type\": \"reset\", \"server\": \"s0\", \"clients\": [\"c0\"], \"direction\": \"both\", \"forMs\": 10, \"toxicity\": 0.5}",
            "{\"atMs\": 200, \"type\": \"refuse\", \"server\": \"s0\", \"direction\": \"upstream\", \"forMs\": 300}")));

        Assert.That(s.Faults.Select(f => f.Type), Is.EqualTo(new[] { FaultType.Reset, FaultType.Refuse }));
    }

    [Test]
    public void Faults_InAnyOrder_AreJudgedInTimeOrder()
    {
        var s = Valid(Doc(FaultList(
            "{\"atMs\": 3000, \"type\": \"unhang\", \"server\": \"s0\"}",
            "{\"atMs\": 1000, \"type\": \"hang\", \"server\": \"s0\"}",
            "{\"atMs\": 4000, \"type\": \"restart\", \"server\": \"s0\"}",
            "{\"atMs\": 3500, \"type\": \"crash\", \"server\": \"s0\"}")));

        Assert.That(s.Faults.Select(f => f.Index), Is.EqualTo(new[] { 0, 1, 2, 3 }), "faults keep file order and index");
    }

    [Test]
    public void SameInstant_FollowsFileOrder()
    {
        Assert.That(ScenarioLoader.Load(Doc(FaultList(
            "{\"atMs\": 1000, \"type\": \"crash\", \"server\": \"s0\"}",
            "{\"atMs\": 1000, \"type\": \"restart\", \"server\": \"s0\"}"))).IsValid, Is.True);
        Assert.That(ScenarioLoader.Load(Doc(FaultList(
            "{\"atMs\": 1000, \"type\": \"restart\", \"server\": \"s0\"}",
            "{\"atMs\": 1000, \"type\": \"crash\", \"server\": \"s0\"}"))).IsValid, Is.False);
    }

    [Test]
    public void HungServer_MayCrash_ThenRestart()
    {
        Valid(Doc(FaultList(
            "{\"atMs\": 1000, \"type\": \"hang\", \"server\": \"s0\"}",
            "{\"atMs\": 2000, \"type\": \"crash\", \"server\": \"s0\"}",
            "{\"atMs\": 3000, \"type\": \"restart\", \"server\": \"s0\"}")));
    }

    [Test]
    public void FaultAtExactlyDuration_IsAllowed()
    {
        Valid(Doc(FaultList("{\"atMs\": 5000, \"type\": \"crash\", \"server\": \"s0\"}")));
    }

    [Test]
    public void SchemaField_IsAcceptedAndIgnored()
    {
        var s = Valid(Doc("\"$schema\": \"./scenario.schema.json\""));

        Assert.That(s, Is.EqualTo(Valid(Doc())));
    }

    [Test]
    public void SimMode_IsAcceptedByTheModel()
    {
        Assert.That(Valid(Doc("\"mode\": \"sim\"")).Mode, Is.EqualTo(ScenarioMode.Sim));
    }

    [Test]
    public void Workload_AtExactlyOneMillionDeliveries_IsAllowed()
    {
        // 1000 senders x 1 msg/s x 999 receivers = 999,000; 1001 clients at 1 msg/s = 1,001,000 is too many.
        Assert.That(ScenarioLoader.Load(DocWith("\"t\"", "3", "1000", "5000", "\"workload\": {\"ratePerClient\": 1}")).IsValid, Is.True);
        Assert.That(ScenarioLoader.Load(DocWith("\"t\"", "3", "1001", "5000", "\"workload\": {\"ratePerClient\": 1}")).IsValid, Is.False);
        Assert.That(ScenarioLoader.Load(DocWith("\"t\"", "3", "10000", "5000", "\"workload\": {\"senders\": 1, \"ratePerClient\": 100}")).IsValid, Is.True);
    }

    [Test]
    public void HeartbeatTimeoutAlone_IsComparedWithTheClientsDefaultInterval()
    {
        var options = new ScenarioLoadOptions { ClientDefaults = new ScenarioClientOptions { HeartbeatIntervalMs = 500, HeartbeatTimeoutMs = 2000 } };

        var refused = ScenarioLoader.Load(Doc("\"client\": {\"heartbeatTimeoutMs\": 400}"), options);
        var intervalAlone = ScenarioLoader.Load(Doc("\"client\": {\"heartbeatIntervalMs\": 2500}"), options);

        Assert.That(refused.Errors.Select(e => e.ToString()), Is.EqualTo(new[]
        {
            "$.client.heartbeatTimeoutMs (line 6): 400 is not above the client's default heartbeatIntervalMs (500); allowed: more than 500",
        }));
        Assert.That(intervalAlone.Errors.Select(e => e.ToString()), Is.EqualTo(new[]
        {
            "$.client.heartbeatIntervalMs (line 6): 2500 is not below the client's default heartbeatTimeoutMs (2000); allowed: less than 2000, or give heartbeatTimeoutMs",
        }));
        Assert.That(ScenarioLoader.Load(Doc("\"client\": {\"heartbeatTimeoutMs\": 400}")).IsValid, Is.True, "unknown defaults: nothing to compare");
    }

    [Test]
    public void ByteOrderMark_IsTolerated_AndLinesStillCount()
    {
        var bytes = System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(Doc("\"trials\": 0"))).ToArray();

        Assert.That(ScenarioLoader.Load(bytes).Errors.Select(e => e.ToString()), Is.EqualTo(new[] { "$.trials (line 6): 0 is out of range; allowed: 1..100000" }));
    }

    [Test]
    public void LoadFile_MissingFile_IsAnErrorNotAnException()
    {
        var result = ScenarioLoader.LoadFile(Path.Combine(TestContext.CurrentContext.WorkDirectory, "no-such-scenario.json"));

        Assert.That(result.IsValid, Is.False);
        Assert.That(result.Errors.Single().ToString(), Does.StartWith("$: cannot read "));
    }

    [Test]
    public void Describe_NamesTheFileAndEveryProblem()
    {
        var result = ScenarioLoader.Load(Doc("\"trials\": 0", "\"mode\": \"x\""));

        Assert.That(result.Describe("bad.json"), Is.EqualTo(
            "bad.json: 2 problems" + Environment.NewLine +
            "  $.trials (line 6): 0 is out of range; allowed: 1..100000" + Environment.NewLine +
            "  $.mode (line 7): 'x' is not a mode; allowed: tcp, sim"));
    }
}
