using System.Globalization;
using ApartiumChat.Scenarios.Execution;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Collections;
using Microsoft.FSharp.Core;

namespace ApartiumChat.Simulation.Tests.Search;

/// <summary>
/// The property-based fault search: FsCheck generates scenario plans, each runs as one
/// simulated trial, and a plan that breaks a property is shrunk by FsCheck to a small one and
/// returned with its scenario file. Deterministic for a given <see cref="SearchOptions.Seed"/>:
/// the same plans, the same trials, the same counterexample.
/// </summary>
public static class FaultSearch
{
    /// <summary>Environment variable: how many scenarios to generate (a long hunt: 10000).</summary>
    public const string CountVariable = "APARTIUM_FAULT_SEARCH_COUNT";

    /// <summary>Environment variable: the search's seed (a number), or <c>random</c>.</summary>
    public const string SeedVariable = "APARTIUM_FAULT_SEARCH_SEED";

    public static SearchOutcome Run(Arbitrary<ScenarioPlan> plans, SearchOptions options)
    {
        ArgumentNullException.ThrowIfNull(plans);
        ArgumentNullException.ThrowIfNull(options);
        var runner = new CapturingRunner();
        var tested = 0;
        var property = Prop.ForAll(plans, plan =>
        {
            Interlocked.Increment(ref tested);
            var verdict = PlanVerdict.Judge(plan, options.Seams);
            if (!verdict.Held)
            {
                throw new CounterexampleException(verdict);
            }
        });
        var config = Config.Quick
            .WithMaxTest(options.Count)
            .WithQuietOnSuccess(true)
            .WithRunner(runner)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(options.Seed, Gamma), FSharpOption<int>.None)))
            .WithParallelRunConfig(options.Workers > 1 ? FSharpOption<ParallelRunConfig>.Some(new ParallelRunConfig(options.Workers)) : FSharpOption<ParallelRunConfig>.None);
        property.Check(config);
        return runner.Outcome(tested, options.Seams);
    }

    /// <summary>How many scenarios: the environment's count, else <paramref name="ciDefault"/>.</summary>
    public static int CountFromEnvironment(int ciDefault) =>
        int.TryParse(Environment.GetEnvironmentVariable(CountVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : ciDefault;

    /// <summary>The search seed: the environment's, a fresh one for <c>random</c>, else <paramref name="ciDefault"/> (CI stays reproducible).</summary>
    public static ulong SeedFromEnvironment(ulong ciDefault)
    {
        var text = Environment.GetEnvironmentVariable(SeedVariable);
        if (string.Equals(text, "random", StringComparison.OrdinalIgnoreCase))
        {
            return (ulong)Random.Shared.NextInt64();
        }

        return ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seed) ? seed : ciDefault;
    }

    // Any odd gamma makes a full-period SplitMix stream; a fixed one keeps a seed's plans fixed.
    private const ulong Gamma = 0x9E3779B97F4A7C15UL;

    /// <summary>Thrown by the property for a plan that breaks it; carries the verdict to the runner.</summary>
    private sealed class CounterexampleException(PlanVerdict verdict) : Exception(verdict.Describe())
    {
        public PlanVerdict Verdict { get; } = verdict;
    }

    /// <summary>Takes FsCheck's result instead of printing it: the original and shrunk plans of a failure.</summary>
    private sealed class CapturingRunner : IRunner
    {
        private TestResult? _result;

        public void OnStartFixture(Type t)
        {
        }

        public void OnArguments(int ntest, FSharpList<object> args, FSharpFunc<int, FSharpFunc<FSharpList<object>, string>> every)
        {
        }

        public void OnShrink(FSharpList<object> args, FSharpFunc<FSharpList<object>, string> everyShrink)
        {
        }

        public void OnFinished(string name, TestResult testResult) => _result = testResult;

        public SearchOutcome Outcome(int tested, TrialSeams? seams)
        {
            if (_result is not TestResult.Failed failed)
            {
                return new SearchOutcome(tested, null, null, 0);
            }

            var original = (ScenarioPlan)failed.Item2.Head;
            var shrunk = (ScenarioPlan)failed.Item3.Head;

            // Judge the shrunk plan again: FsCheck keeps the value, the verdict is ours (and a
            // second run shows the counterexample replays).
            return new SearchOutcome(tested, PlanVerdict.Judge(original, seams), PlanVerdict.Judge(shrunk, seams), failed.Item1.NumberOfShrinks);
        }
    }
}

/// <summary>How a search runs.</summary>
public sealed record SearchOptions
{
    /// <summary>Scenarios to generate.</summary>
    public int Count { get; init; } = 100;

    /// <summary>FsCheck's seed: the same seed generates the same plans.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Plans judged at once (each on its own simulation loop).</summary>
    public int Workers { get; init; } = Environment.ProcessorCount;

    /// <summary>Substituted components (the planted-bug tests).</summary>
    public TrialSeams? Seams { get; init; }
}

/// <summary>What a search found: how many plans passed, and the first failure, as found and shrunk.</summary>
public sealed record SearchOutcome(int Tested, PlanVerdict? Original, PlanVerdict? Shrunk, int Shrinks)
{
    public bool Found => Shrunk is not null;
}
