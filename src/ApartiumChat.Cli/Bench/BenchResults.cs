using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ApartiumChat.Cli.Bench;

/// <summary>
/// <c>results.json</c> of a bench folder: the machine and every result written there, in the
/// order they ran. A comparison run appends one result per workload and server to one folder.
/// </summary>
internal sealed record BenchResults
{
    public const string FileName = "results.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public int Cores { get; init; } = Environment.ProcessorCount;

    public string Os { get; init; } = RuntimeInformation.OSDescription;

    public string Runtime { get; init; } = RuntimeInformation.FrameworkDescription;

    public List<BenchResult> Results { get; init; } = [];

    /// <summary>A new folder <c>reports/bench/&lt;UTC timestamp&gt;/</c> under <paramref name="root"/>.</summary>
    public static string NewFolder(string root) =>
        Path.Combine(root, "reports", "bench", DateTimeOffset.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture));

    public static BenchResults Load(string folder)
    {
        var path = Path.Combine(folder, FileName);
        return File.Exists(path) ? JsonSerializer.Deserialize<BenchResults>(File.ReadAllText(path), Json) ?? new BenchResults() : new BenchResults();
    }

    public void Save(string folder)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, FileName), JsonSerializer.Serialize(this, Json));
    }
}
