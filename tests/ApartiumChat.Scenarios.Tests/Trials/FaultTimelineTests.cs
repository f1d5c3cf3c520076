using ApartiumChat.Scenarios.Loading;
using ApartiumChat.Scenarios.Model;
using ApartiumChat.Scenarios.Trials;
using static ApartiumChat.Scenarios.Tests.ScenarioText;

namespace ApartiumChat.Scenarios.Tests.Trials;

public sealed class FaultTimelineTests
{
    private static IReadOnlyList<string> Plan(params string[] faults)
    {
        var scenario = ScenarioLoader.Load(Doc(FaultList(faults))).Scenario!;
        return FaultTimeline.Plan(scenario).Steps.Select(Describe).ToList();
    }

    private static string Describe(TimelineStep step)
    {
        var ends = string.Join(" ", step.Ends.Select(e => e.Clients.Count == 0 ? $"#{e.FaultIndex}" : $"#{e.FaultIndex}[{string.Join(",", e.Clients)}]"));
        var what = step.Fault is { } f ? $"{FaultTypes.Name(f.Type)}#{f.Index}" : "end";
        return $"{step.AtMs} {step.Kind} {what}" + (ends.Length > 0 ? $" ends {ends}" : "");
    }

    [Test]
    public void CrashThenRestart_RestartEndsTheCrash_AndTheTimelineEnds()
    {
        Assert.That(Plan(
            "{\"atMs\": 1000, \"type\": \"crash\", \"server\": \"s0\"}",
            "{\"atMs\": 3500, \"type\": \"restart\", \"server\": \"s0\"}"), Is.EqualTo(new[]
        {
            "1000 Apply crash#0", "3500 Apply restart#1 ends #0", "5000 EndOfTimeline end",
        }));
    }

    [Test]
    public void ForMs_ExpiresTheLinkFault_BeforeFaultsAtTheSameInstant()
    {
        Assert.That(Plan(
            "{\"atMs\": 2000, \"type\": \"latency\", \"server\": \"s1\", \"latencyMs\": 5, \"clients\": [\"c1\"]}",
            "{\"atMs\": 1000, \"type\": \"partition\", \"server\": \"s0\", \"clients\": [\"c2\"], \"forMs\": 1000}"), Is.EqualTo(new[]
        {
            "1000 Apply partition#1", "2000 Expire partition#1 ends #1[c2]", "2000 Apply latency#0", "5000 EndOfTimeline end ends #0[c1]",
        }));
    }

    [Test]
    public void Heal_WithClients_EndsOnlyTheirLinks_AndTheEndHealsTheRest()
    {
        Assert.That(Plan(
            "{\"atMs\": 1000, \"type\": \"blackhole\", \"server\": \"s0\", \"clients\": [\"c0\", \"c1\", \"c2\"]}",
            "{\"atMs\": 1500, \"type\": \"latency\", \"server\": \"s1\", \"latencyMs\": 5}",
            "{\"atMs\": 2000, \"type\": \"heal\", \"server\": \"s0\", \"clients\": [\"c1\", \"c3\"]}",
            "{\"atMs\": 2500, \"type\": \"heal\", \"server\": \"s0\"}"), Is.EqualTo(new[]
        {
            "1000 Apply blackhole#0", "1500 Apply latency#1", "2000 Apply heal#2 ends #0[c1]", "2500 Apply heal#3 ends #0[c0,c2]",
            "5000 EndOfTimeline end ends #1[c0,c1,c2,c3]",
        }));
    }

    [Test]
    public void EndOfTimeline_UnhangsServers_ButLeavesCrashedOnesDown()
    {
        Assert.That(Plan(
            "{\"atMs\": 1000, \"type\": \"hang\", \"server\": \"s1\"}",
            "{\"atMs\": 1000, \"type\": \"crash\", \"server\": \"s2\"}"), Is.EqualTo(new[]
        {
            "1000 Apply hang#0", "1000 Apply crash#1", "5000 EndOfTimeline end ends #0",
        }));
    }

    [Test]
    public void CrashOfAHungServer_EndsTheHang()
    {
        Assert.That(Plan(
            "{\"atMs\": 1000, \"type\": \"hang\", \"server\": \"s0\"}",
            "{\"atMs\": 2000, \"type\": \"crash\", \"server\": \"s0\"}",
            "{\"atMs\": 3000, \"type\": \"restart\", \"server\": \"s0\"}"), Is.EqualTo(new[]
        {
            "1000 Apply hang#0", "2000 Apply crash#1 ends #0", "3000 Apply restart#2 ends #1", "5000 EndOfTimeline end",
        }));
    }

    [Test]
    public void Reset_ActsAtAnInstant_AndNeverNeedsEnding()
    {
        Assert.That(Plan("{\"atMs\": 1000, \"type\": \"reset\", \"server\": \"s0\", \"forMs\": 100}"), Is.EqualTo(new[]
        {
            "1000 Apply reset#0", "5000 EndOfTimeline end",
        }));
    }
}
