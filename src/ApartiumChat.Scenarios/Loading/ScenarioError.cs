namespace ApartiumChat.Scenarios.Loading;

/// <summary>
/// One problem with a scenario file: the JSON path of the field, the line it is on (1-based;
/// 0 when the problem is not in the text, such as a file that cannot be read), and what is
/// wrong and what is allowed.
/// </summary>
public sealed record ScenarioError(string Path, int Line, string Message)
{
    /// <summary><c>$.faults[2].server (line 17): 's7' is not a server of this scenario; allowed: s0, s1, s2</c></summary>
    public override string ToString() => Line > 0 ? $"{Path} (line {Line}): {Message}" : $"{Path}: {Message}";
}
