using System.Diagnostics.CodeAnalysis;
using ApartiumChat.Scenarios.Loading;

namespace ApartiumChat.Scenarios.Running;

/// <summary>
/// Everything before the first trial of <c>apartium scenario run</c>: find the file, load and
/// validate it, apply and check the command-line options. Any problem means exit code 2 with
/// nothing run. Both modes (tcp, sim) run every valid scenario.
/// <code>
///   argument --resolve--> file --load--> scenario --options--> scenario' --> PreparedRun
///        \________________\_______________\_____________________\______ problems (exit 2)
/// </code>
/// </summary>
public static class RunPreparation
{
    public static RunPreparationResult Prepare(
        string argument,
        string currentDirectory,
        ScenarioOverrides overrides,
        ScenarioLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        var optionProblems = overrides.Validate();
        var resolution = ScenarioResolver.Resolve(argument, currentDirectory);
        if (!resolution.Found)
        {
            return RunPreparationResult.Refused([resolution.Error, .. optionProblems]);
        }

        var loaded = ScenarioLoader.LoadFile(resolution.FullPath, options);
        if (!loaded.IsValid)
        {
            return RunPreparationResult.Refused([loaded.Describe(resolution.DisplayPath), .. optionProblems]);
        }

        if (optionProblems.Count > 0)
        {
            return RunPreparationResult.Refused(optionProblems);
        }

        var scenario = overrides.ApplyTo(loaded.Scenario);
        return RunPreparationResult.Ready(new PreparedRun(
            scenario,
            resolution.FullPath,
            resolution.DisplayPath,
            overrides.PlanTrials(loaded.Scenario),
            overrides.TrialSeed,
            Trials.FaultTimeline.Plan(scenario)));
    }
}

/// <summary>A run ready to start, or what stops it (print each problem; exit 2).</summary>
public sealed record RunPreparationResult(PreparedRun? Run, IReadOnlyList<string> Problems)
{
    [MemberNotNullWhen(true, nameof(Run))]
    public bool IsReady => Run is not null;

    public static RunPreparationResult Ready(PreparedRun run) => new(run, []);

    public static RunPreparationResult Refused(IReadOnlyList<string> problems) => new(null, problems);
}
