namespace ApartiumChat.Scenarios.Running;

/// <summary>
/// Finds the scenario a command names: a path to a file, or a bare name (<c>crash-primary</c>
/// or <c>crash-primary.json</c>) looked up in <c>scenarios/</c> of the current directory and
/// then of each parent, so the shipped scenarios run from anywhere in the repository.
/// </summary>
public static class ScenarioResolver
{
    public const string ScenariosFolder = "scenarios";
    public const string SchemaFile = "scenario.schema.json";

    public static ScenarioResolution Resolve(string argument, string currentDirectory)
    {
        ArgumentNullException.ThrowIfNull(currentDirectory);
        if (string.IsNullOrWhiteSpace(argument))
        {
            return new ScenarioResolution(null, null, "no scenario given; allowed: a scenario file, or the name of one in scenarios/");
        }

        var direct = Path.GetFullPath(argument, currentDirectory);
        if (File.Exists(direct))
        {
            return Found(direct, currentDirectory);
        }

        if (Directory.Exists(direct))
        {
            return new ScenarioResolution(null, null, $"'{argument}' is a folder, not a scenario file{Shipped(currentDirectory)}");
        }

        if (IsBareName(argument))
        {
            var file = argument.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? argument : argument + ".json";
            for (var dir = new DirectoryInfo(currentDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, ScenariosFolder, file);
                if (File.Exists(candidate))
                {
                    return Found(candidate, currentDirectory);
                }
            }

            return new ScenarioResolution(null, null, $"no scenario '{argument}': not a file, nor in {ScenariosFolder}/ of {currentDirectory} or its parents{Shipped(currentDirectory)}");
        }

        return new ScenarioResolution(null, null, $"no scenario file '{argument}'{Shipped(currentDirectory)}");
    }

    /// <summary>The nearest <c>scenarios/</c> folder at or above <paramref name="startDirectory"/>, if any.</summary>
    public static string? FindScenariosDirectory(string startDirectory)
    {
        ArgumentNullException.ThrowIfNull(startDirectory);
        for (var dir = new DirectoryInfo(Path.GetFullPath(startDirectory)); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, ScenariosFolder);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The scenario names in a folder (its .json files but the schema), sorted.</summary>
    public static IReadOnlyList<string> ShippedNames(string scenariosDirectory)
    {
        ArgumentNullException.ThrowIfNull(scenariosDirectory);
        if (!Directory.Exists(scenariosDirectory))
        {
            return [];
        }

        return Directory.EnumerateFiles(scenariosDirectory, "*.json")
            .Select(Path.GetFileName)
            .Where(f => f is not null && !string.Equals(f, SchemaFile, StringComparison.OrdinalIgnoreCase))
            .Select(f => Path.GetFileNameWithoutExtension(f!))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static bool IsBareName(string argument) =>
        argument.IndexOfAny(['/', '\\']) < 0 && argument != "." && argument != "..";

    private static ScenarioResolution Found(string fullPath, string currentDirectory)
    {
        var relative = Path.GetRelativePath(currentDirectory, fullPath);
        var display = relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? fullPath : relative;
        return new ScenarioResolution(fullPath, display, null);
    }

    private static string Shipped(string currentDirectory)
    {
        var folder = FindScenariosDirectory(currentDirectory);
        if (folder is null)
        {
            return $"; no {ScenariosFolder}/ folder in {currentDirectory} or its parents";
        }

        var names = ShippedNames(folder);
        return names.Count == 0
            ? $"; {folder} holds no scenario"
            : $"; shipped scenarios ({folder}): {string.Join(", ", names)}";
    }
}
