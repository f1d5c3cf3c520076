namespace ApartiumChat.Faults.Toxics;

/// <summary>
/// A named toxic on a proxy: what it does (<see cref="Attributes"/>), which direction it acts on,
/// and the share of connections it applies to.
/// </summary>
/// <remarks>
/// Field names and defaults follow Toxiproxy 2.x: the stream defaults to downstream, the
/// toxicity to 1.0, and the name to <c>{type}_{stream}</c>.
/// </remarks>
public sealed record Toxic
{
    /// <summary>Unique within its proxy.</summary>
    public required string Name { get; init; }

    public required ToxicAttributes Attributes { get; init; }

    /// <summary>Default <see cref="ToxicStream.Downstream"/>.</summary>
    public ToxicStream Stream { get; init; } = ToxicStream.Downstream;

    /// <summary>
    /// Probability (0..1) that the toxic applies to a given connection, decided once per
    /// connection from the proxy's seed. Default 1.
    /// </summary>
    public double Toxicity { get; init; } = 1.0;

    public string Type => Attributes.Type;

    /// <summary>A toxic with Toxiproxy's defaults: named <c>{type}_{stream}</c> unless a name is given.</summary>
    public static Toxic Create(
        ToxicAttributes attributes,
        ToxicStream stream = ToxicStream.Downstream,
        string? name = null,
        double toxicity = 1.0)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        return new Toxic
        {
            Name = name ?? DefaultName(attributes.Type, stream),
            Attributes = attributes,
            Stream = stream,
            Toxicity = toxicity,
        };
    }

    /// <summary>
    /// The same toxic on both directions (a scenario's <c>direction: both</c>), named
    /// <c>{name}_upstream</c> and <c>{name}_downstream</c>.
    /// </summary>
    public static IReadOnlyList<Toxic> BothWays(ToxicAttributes attributes, string name, double toxicity = 1.0) =>
    [
        Create(attributes, ToxicStream.Upstream, $"{name}_{StreamName(ToxicStream.Upstream)}", toxicity),
        Create(attributes, ToxicStream.Downstream, $"{name}_{StreamName(ToxicStream.Downstream)}", toxicity),
    ];

    public static string DefaultName(string type, ToxicStream stream) => $"{type}_{StreamName(stream)}";

    public static string StreamName(ToxicStream stream) => stream == ToxicStream.Upstream ? "upstream" : "downstream";

    /// <summary>Every problem with this toxic, or an empty list.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Name))
        {
            problems.Add("name must not be empty");
        }

        if (!Enum.IsDefined(Stream))
        {
            problems.Add("stream must be upstream or downstream");
        }

        if (double.IsNaN(Toxicity) || Toxicity < 0 || Toxicity > 1)
        {
            problems.Add($"toxicity must be from 0 to 1, not {Toxicity}");
        }

        if (Attributes is null)
        {
            problems.Add("attributes are missing");
        }
        else
        {
            problems.AddRange(Attributes.Validate());
        }

        return problems;
    }
}
