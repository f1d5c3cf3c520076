using ApartiumChat.Scenarios.Model;
using ApartiumChat.Scenarios.Observations;
using ApartiumChat.Simulation.Tests.Search;
using FsCheck;
using FsCheck.Fluent;
using PropertyAttribute = FsCheck.NUnit.PropertyAttribute;

namespace ApartiumChat.Simulation.Tests;

/// <summary>
/// The client's failure detector, in virtual time, through the whole stack (clients, proxies,
/// servers): a silent server is always declared dead within timeout + one interval of falling
/// silent, never sooner than the timeout; a server whose answers arrive within the timeout is
/// never declared dead, however the round trips jitter.
/// </summary>
public sealed class FailureDetectorProperties
{
    [Property(MaxTest = 60)]
    public Property SilentServer_IsDeclaredDead_WithinTimeoutPlusOneInterval() =>
        Prop.ForAll(Arb.From(SilentServers()), plan =>
        {
            var result = SimulatedScenario.RunFirstTrial(plan.ToJson());
            var figures = result.Figures ?? throw new AssertionException($"the trial broke: {result.Error}");
            var hangAt = plan.Episodes[0].StartMs;
            var deaths = result.Outcome!.Observation.Events.OfType<ConnectionDeclaredDead>().Where(d => d.AtMs >= hangAt).ToList();

            Assert.That(deaths.Select(d => d.Client).Distinct().Count(), Is.EqualTo(plan.Clients), "every client was on s0 and must notice");
            Assert.That(figures.Undetected, Is.Zero);
            foreach (var death in deaths.Where(d => d.Server == "s0"))
            {
                Assert.That(death.Reason, Is.EqualTo(DeadReason.HeartbeatTimeout));
                Assert.That(death.AtMs - hangAt, Is.InRange((double)plan.HeartbeatTimeoutMs, (double)(plan.HeartbeatTimeoutMs + plan.HeartbeatIntervalMs)), death.ToString());
            }
        });

    [Property(MaxTest = 60)]
    public Property AnswersWithinTheTimeout_NeverMakeAServerDead() =>
        Prop.ForAll(Arb.From(SlowButInTime()), plan =>
        {
            var result = SimulatedScenario.RunFirstTrial(plan.ToJson());
            var events = result.Outcome?.Observation.Events ?? throw new AssertionException($"the trial broke: {result.Error}");

            Assert.That(events.OfType<ConnectionDeclaredDead>(), Is.Empty);
            Assert.That(result.Figures!.FalseFailovers, Is.Zero);
        });

    /// <summary>Clients on s0, which hangs at a random instant and stays silent for well over a detection.</summary>
    private static Gen<ScenarioPlan> SilentServers() =>
        from settings in Heartbeats()
        from clients in Gen.Choose(1, 3)
        from hangAt in Gen.Choose(100, 2000)
        from seed in Gen.Choose(0, int.MaxValue)
        let duration = hangAt + (2 * (settings.Timeout + settings.Interval)) + 100
        select Plan(seed, clients, settings, duration, new ServerEpisode(Outage.Hang, 0, hangAt, duration - 1));

    /// <summary>Latency (and jitter) on every link for the whole timeline, each round trip inside the timeout.</summary>
    private static Gen<ScenarioPlan> SlowButInTime() =>
        from settings in Heartbeats()
        from clients in Gen.Choose(1, 3)
        from oneWay in Gen.Choose(0, (settings.Timeout - 1) / 2)
        from jitter in Gen.Choose(0, oneWay)
        from seed in Gen.Choose(0, int.MaxValue)
        select Plan(seed, clients, settings, 3000, new LinkEpisode(FaultType.Latency, 0, 0)
        {
            ForMs = 2999,
            LatencyMs = oneWay - jitter,
            JitterMs = jitter,
        });

    private static Gen<(int Interval, int Timeout)> Heartbeats() =>
        from interval in Gen.Choose(10, 500)
        from extra in Gen.Choose(1, 4 * interval)
        select (interval, interval + extra);

    private static ScenarioPlan Plan(int seed, int clients, (int Interval, int Timeout) heartbeats, int duration, Episode episode) => new()
    {
        Seed = seed,
        Servers = 2,
        Clients = clients,
        HeartbeatIntervalMs = heartbeats.Interval,
        HeartbeatTimeoutMs = heartbeats.Timeout,
        ReconnectBaseMs = 10,
        ReconnectMaxMs = 100,
        Failback = false,
        FailbackHoldDownMs = 0,
        RatePerClient = 5,
        MessageBytes = 32,
        DurationMs = duration,
        Episodes = [episode],
    };
}
