using System.Text;

namespace ApartiumChat.Scenarios.Loading;

/// <summary>
/// Reads and validates scenario files (SCENARIOS.md). Every problem in a file is reported at
/// once, each with its JSON path, line and what is allowed, in line order:
/// <c>$.faults[2].server (line 17): 's7' is not a server of this scenario; allowed: s0, s1, s2</c>.
/// </summary>
public static class ScenarioLoader
{
    public static ScenarioLoadResult LoadFile(string path, ScenarioLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= ScenarioLoadOptions.Default;
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (info.Exists && info.Length > options.MaxFileBytes)
            {
                return ScenarioLoadResult.Invalid([new ScenarioError("$", 0, $"the file has {info.Length} bytes; allowed: at most {options.MaxFileBytes}")]);
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return ScenarioLoadResult.Invalid([new ScenarioError("$", 0, $"cannot read {path}: {e.Message}")]);
        }

        return Load(bytes, options);
    }

    public static ScenarioLoadResult Load(string json, ScenarioLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Load(Encoding.UTF8.GetBytes(json), options);
    }

    public static ScenarioLoadResult Load(byte[] utf8, ScenarioLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        options ??= ScenarioLoadOptions.Default;
        if (utf8.Length > options.MaxFileBytes)
        {
            return ScenarioLoadResult.Invalid([new ScenarioError("$", 0, $"the scenario has {utf8.Length} bytes; allowed: at most {options.MaxFileBytes}")]);
        }

        var root = SourceParser.Parse(utf8, out var syntaxErrors);
        if (root is null)
        {
            return ScenarioLoadResult.Invalid(Ordered(syntaxErrors));
        }

        var reader = new ScenarioReader(options.ClientDefaults);
        var scenario = reader.Read(root);
        var errors = syntaxErrors.Concat(reader.Errors).ToList();
        return errors.Count == 0 && scenario is not null
            ? ScenarioLoadResult.Valid(scenario)
            : ScenarioLoadResult.Invalid(Ordered(errors));
    }

    /// <summary>Line order; problems on one line keep the order they were found in.</summary>
    private static List<ScenarioError> Ordered(IEnumerable<ScenarioError> errors) => errors.OrderBy(e => e.Line).ToList();
}
