namespace ApartiumChat.Scenarios.Execution;

/// <summary>How a simulated run uses the machine. Results never depend on these settings.</summary>
public sealed record SimulationOptions
{
    public static SimulationOptions Default { get; } = new();

    /// <summary>Trials run at once, each on its own thread and loop. Default: one per processor.</summary>
    public int Workers { get; init; } = Environment.ProcessorCount;

    /// <summary>Substituted components (tests only). Default none.</summary>
    public TrialSeams Seams { get; init; } = TrialSeams.None;

    /// <summary>Every problem with these options, or an empty list.</summary>
    public IReadOnlyList<string> Validate() =>
        Workers is < 1 or > 1024 ? [$"Workers must be within 1..1024, not {Workers}"] : [];
}
