using System.Globalization;
using ApartiumChat.Scenarios.Model;
using ApartiumChat.Scenarios.Trials;

namespace ApartiumChat.Scenarios.Running;

/// <summary>
/// The command-line options that change a scenario for one run (<c>--trials</c>, <c>--seed</c>,
/// <c>--mode</c>, <c>--trial-seed</c>), checked against the same ranges as the file.
/// </summary>
public sealed record ScenarioOverrides
{
    public static ScenarioOverrides None { get; } = new();

    public int? Trials { get; init; }

    public long? Seed { get; init; }

    /// <summary>The mode as typed (<c>tcp</c> or <c>sim</c>), so a typo gets the same message as in a file.</summary>
    public string? Mode { get; init; }

    /// <summary>Replay exactly one trial with this seed.</summary>
    public long? TrialSeed { get; init; }

    /// <summary>Every problem with the options; empty when they are valid (otherwise exit 2, nothing runs).</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Trials is { } trials && (trials < 1 || trials > 100_000))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"--trials {trials} is out of range; allowed: 1..100000"));
        }

        if (Seed is { } seed && (seed < 0 || seed > TrialSeeds.MaxSeed))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"--seed {seed} is out of range; allowed: 0..{TrialSeeds.MaxSeed}"));
        }

        if (Mode is { } mode && mode is not ("tcp" or "sim"))
        {
            problems.Add($"--mode '{mode}' is not a mode; allowed: tcp, sim");
        }

        if (TrialSeed is { } trialSeed && (trialSeed < 0 || trialSeed > TrialSeeds.MaxSeed))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"--trial-seed {trialSeed} is out of range; allowed: 0..{TrialSeeds.MaxSeed}"));
        }

        return problems;
    }

    /// <summary>The scenario as this run uses it (call <see cref="Validate"/> first).</summary>
    public Scenario ApplyTo(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return scenario with
        {
            Trials = TrialSeed is not null ? 1 : Trials ?? scenario.Trials,
            Seed = Seed ?? scenario.Seed,
            Mode = Mode switch
            {
                "sim" => ScenarioMode.Sim,
                "tcp" => ScenarioMode.Tcp,
                _ => scenario.Mode,
            },
        };
    }

    /// <summary>The trials to run: every trial of the scenario, or the one being replayed.</summary>
    public IReadOnlyList<PlannedTrial> PlanTrials(Scenario original)
    {
        ArgumentNullException.ThrowIfNull(original);
        return TrialSeeds.Plan(Seed ?? original.Seed, Trials ?? original.Trials, TrialSeed);
    }
}
