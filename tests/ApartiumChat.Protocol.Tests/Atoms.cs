using System.Collections.Immutable;
using System.Text;
using System.Text.Json;

namespace ApartiumChat.Protocol.Tests;

/// <summary>
/// A message as the parser-tests vectors describe it: tags as a set (last value wins), source,
/// verb, params. Compared by value so a failing case shows both sides.
/// </summary>
internal sealed record Atoms(ImmutableSortedDictionary<string, string> Tags, string? Source, string Verb, ImmutableArray<string> Params)
{
    public static Atoms From(JsonElement atoms)
    {
        var tags = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        if (atoms.TryGetProperty("tags", out var tagsElement))
        {
            foreach (var tag in tagsElement.EnumerateObject())
            {
                tags[tag.Name] = tag.Value.GetString() ?? "";
            }
        }

        var parameters = atoms.TryGetProperty("params", out var paramsElement)
            ? paramsElement.EnumerateArray().Select(p => p.GetString()!).ToImmutableArray()
            : [];
        var source = atoms.TryGetProperty("source", out var sourceElement) ? sourceElement.GetString() : null;
        return new Atoms(tags.ToImmutable(), source, atoms.GetProperty("verb").GetString()!, parameters);
    }

    public static Atoms Of(IrcMessage message) => new(
        message.Tags.ToImmutableSortedDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal),
        message.Source,
        message.Command,
        message.Params);

    public static Atoms Of(IrcLine line)
    {
        var tags = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var tag in line.Tags)
        {
            tags[Encoding.UTF8.GetString(tag.Key)] = TagValue.UnescapeToString(tag.RawValue);
        }

        var parameters = ImmutableArray.CreateBuilder<string>();
        for (var i = 0; i < line.ParamCount; i++)
        {
            parameters.Add(line.ParamString(i));
        }

        return new Atoms(
            tags.ToImmutable(),
            line.HasSource ? Encoding.UTF8.GetString(line.Source) : null,
            Encoding.UTF8.GetString(line.Command),
            parameters.ToImmutable());
    }

    public IrcMessage ToMessage() => new IrcMessage(Verb, Params.AsSpan())
    {
        Source = Source,
        Tags = [.. Tags.Select(t => new IrcTag(t.Key, t.Value))],
    };

    public bool Equals(Atoms? other) => other is not null
        && Tags.SequenceEqual(other.Tags)
        && Source == other.Source
        && Verb == other.Verb
        && Params.SequenceEqual(other.Params);

    public override int GetHashCode() => HashCode.Combine(Verb, Source, Params.Length, Tags.Count);

    public override string ToString()
        => $"tags {{{string.Join(", ", Tags.Select(t => $"{t.Key}={Escape(t.Value)}"))}}} source {Source ?? "null"} verb {Verb} params [{string.Join(", ", Params.Select(p => $"'{Escape(p)}'"))}]";

    private static string Escape(string text) => text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
