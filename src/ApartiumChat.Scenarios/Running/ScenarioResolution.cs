using System.Diagnostics.CodeAnalysis;

namespace ApartiumChat.Scenarios.Running;

/// <summary>
/// Where a scenario argument led: the file (full path, and the path to show and to put in the
/// reproduce command), or why nothing was found.
/// </summary>
public sealed record ScenarioResolution(string? FullPath, string? DisplayPath, string? Error)
{
    [MemberNotNullWhen(true, nameof(FullPath), nameof(DisplayPath))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Found => FullPath is not null;
}
