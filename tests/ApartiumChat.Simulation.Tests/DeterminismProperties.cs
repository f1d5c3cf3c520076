using ApartiumChat.Simulation.Tests.Search;
using FsCheck;
using FsCheck.Fluent;
using PropertyAttribute = FsCheck.NUnit.PropertyAttribute;

namespace ApartiumChat.Simulation.Tests;

/// <summary>
/// Any generated scenario, every fault type included, replays event for event: run again on
/// another thread (other hash codes, other pooled buffers, other JIT state), it writes the
/// same event log, injection journal included.
/// </summary>
public sealed class DeterminismProperties
{
    [Property(MaxTest = 25)]
    public Property AnyScenario_ReplaysEventForEvent_OnAnotherThread() =>
        Prop.ForAll(ScenarioPlans.Faulty(), plan =>
        {
            var json = plan.ToJson();
            var here = EventLogs.Of(SimulatedScenario.RunFirstTrial(json));
            string? there = null;
            var thread = new Thread(() => there = EventLogs.Of(SimulatedScenario.RunFirstTrial(json)));
            thread.Start();
            thread.Join();

            Assert.That(there, Is.EqualTo(here));
        });
}
