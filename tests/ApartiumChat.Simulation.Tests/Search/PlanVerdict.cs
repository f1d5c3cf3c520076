using System.Globalization;
using ApartiumChat.Scenarios.Execution;
using ApartiumChat.Scenarios.Measurement;
using ApartiumChat.Scenarios.Model;

namespace ApartiumChat.Simulation.Tests.Search;

/// <summary>
/// The properties every generated scenario must have, judged on its simulated trial: it ran,
/// it converged, and every expectation its file states held (nothing lost, duplicated,
/// reordered or unacked; with fail-back on, every client on the preferred server; in the
/// within-budget variant, no failover at all). The same expectations make
/// <c>apartium scenario run</c> of the printed file fail, so a counterexample replays there.
/// </summary>
public sealed record PlanVerdict(ScenarioPlan Plan, string Json, SimulatedTrialResult Result, IReadOnlyList<string> Violations)
{
    public bool Held => Violations.Count == 0;

    public static PlanVerdict Judge(ScenarioPlan plan, TrialSeams? seams = null)
    {
        var json = plan.ToJson();
        var scenario = SimulatedScenario.Load(json);
        var result = SimulatedScenario.RunFirstTrial(scenario, seams);
        return new PlanVerdict(plan, json, result, Check(scenario, result));
    }

    public static IReadOnlyList<string> Check(Scenario scenario, SimulatedTrialResult result)
    {
        if (result.Figures is not { } figures)
        {
            return [$"the trial broke: {result.Error}"];
        }

        var violations = new List<string>();
        foreach (var figure in ExpectationEvaluator.FailedBy(scenario.Expect, figures))
        {
            violations.Add(figure switch
            {
                "endOn" => $"endOn: expected every client on {scenario.Expect.EndOn}, got {string.Join(", ", figures.FinalServers.Select(f => $"{f.Client}={f.Server ?? "none"}"))}",
                _ => string.Create(CultureInfo.InvariantCulture, $"{figure}: {Count(figures, figure)}"),
            });
        }

        if (!figures.Quiesced)
        {
            violations.Add(string.Create(CultureInfo.InvariantCulture, $"did not quiesce within {scenario.QuiesceMs} ms after the timeline"));
        }

        if (figures.Ledger.Unexpected > 0)
        {
            violations.Add(string.Create(CultureInfo.InvariantCulture, $"{figures.Ledger.Unexpected} deliveries of messages never sent"));
        }

        return violations;
    }

    private static string Count(TrialFigures figures, string figure)
    {
        try
        {
            return figures.Count(figure).ToString(CultureInfo.InvariantCulture);
        }
        catch (ArgumentException)
        {
            return "failed";
        }
    }

    /// <summary>What to print for a counterexample: the violations, the file, how to replay it.</summary>
    public string Describe() =>
        $"""
        {Plan.Name}: {string.Join("; ", Violations)}
        {Plan}
        trial seed {Result.Trial.Seed} (master seed {Plan.Seed}); replay: save the file below as {Plan.Name}.json and run
          apartium scenario run {Plan.Name}.json            (sim; exact replay)
          apartium scenario run {Plan.Name}.json --mode tcp (real sockets, where timing allows)
        {Json}
        """;
}
