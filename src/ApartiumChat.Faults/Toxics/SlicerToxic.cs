using ApartiumChat.Faults.Chains;

namespace ApartiumChat.Faults.Toxics;

/// <summary>
/// Cuts each chunk into slices of about <see cref="AverageSize"/> bytes (± <see cref="SizeVariation"/>,
/// uniform) and sends them <see cref="DelayUs"/> microseconds apart, each with its own write.
/// </summary>
public sealed record SlicerToxic : ToxicAttributes
{
    public const string TypeName = "slicer";

    public override string Type => TypeName;

    /// <summary>Average slice size in bytes (Toxiproxy's <c>average_size</c>). At least 1.</summary>
    public int AverageSize { get; init; } = 1;

    /// <summary>Uniform variation of the size in bytes (<c>size_variation</c>). Default 0.</summary>
    public int SizeVariation { get; init; }

    /// <summary>Microseconds between slices (<c>delay</c>). Default 0.</summary>
    public long DelayUs { get; init; }

    public override IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        RequireRange(problems, "average_size", AverageSize, 1, int.MaxValue);
        RequireRange(problems, "size_variation", SizeVariation, 0, int.MaxValue);
        RequireRange(problems, "delay", DelayUs, 0, MaxMilliseconds * 1000);
        return problems;
    }

    internal override ToxicStage CreateStage(StageContext context) => new SlicerStage(context, this);
}
