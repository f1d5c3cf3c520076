namespace ApartiumChat.Simulation.Tests;

/// <summary>The scenarios shipped in scenarios/, copied beside the test assembly.</summary>
internal static class ShippedScenarios
{
    public static string Directory => Path.Combine(TestContext.CurrentContext.TestDirectory, "scenarios");

    public static IEnumerable<string> Names() =>
        System.IO.Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "scenarios"), "*.json")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(n => n is not null && n != "scenario.schema")
            .Select(n => n!)
            .Order(StringComparer.Ordinal);

    public static string PathOf(string name) => Path.Combine(Directory, name + ".json");
}
