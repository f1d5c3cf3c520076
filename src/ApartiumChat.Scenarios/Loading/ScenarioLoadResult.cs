using System.Diagnostics.CodeAnalysis;
using ApartiumChat.Scenarios.Model;

namespace ApartiumChat.Scenarios.Loading;

/// <summary>A loaded scenario, or every problem found in the file (never both).</summary>
public sealed record ScenarioLoadResult
{
    private ScenarioLoadResult(Scenario? scenario, IReadOnlyList<ScenarioError> errors)
    {
        Scenario = scenario;
        Errors = errors;
    }

    public Scenario? Scenario { get; }

    public IReadOnlyList<ScenarioError> Errors { get; }

    [MemberNotNullWhen(true, nameof(Scenario))]
    public bool IsValid => Scenario is not null;

    public static ScenarioLoadResult Valid(Scenario scenario) => new(scenario, []);

    public static ScenarioLoadResult Invalid(IReadOnlyList<ScenarioError> errors) => new(null, errors);

    /// <summary>What to print when the scenario is refused: one line per problem under a heading naming the file.</summary>
    public string Describe(string source)
    {
        if (IsValid)
        {
            return $"{source}: valid";
        }

        var heading = Errors.Count == 1 ? $"{source}: 1 problem" : $"{source}: {Errors.Count} problems";
        return heading + Environment.NewLine + string.Join(Environment.NewLine, Errors.Select(e => "  " + e));
    }
}
