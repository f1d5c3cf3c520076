using System.Diagnostics.CodeAnalysis;

namespace ApartiumChat.Protocol;

/// <summary>
/// How a server compares nicks and channel names (ISUPPORT <c>CASEMAPPING</c>). Folding maps
/// each upper-case character to its lower-case one; only ASCII is mapped:
/// <code>
///   ascii           A-Z        -> a-z
///   rfc1459         A-Z [ \ ] ^ -> a-z { | } ~   (the ISUPPORT draft's 65-94 -> 97-126)
///   rfc1459-strict  A-Z [ \ ]   -> a-z { | }
/// </code>
/// Also an equality comparer for dictionaries keyed by nick or channel, with alternate
/// lookups by <c>ReadOnlySpan&lt;char&gt;</c> and by UTF-8 <c>ReadOnlySpan&lt;byte&gt;</c>
/// (<c>dictionary.GetAlternateLookup&lt;ReadOnlySpan&lt;byte&gt;&gt;()</c>) so a parsed
/// parameter finds its entry without a string.
/// </summary>
public sealed partial class IrcCaseMapping
{
    private readonly uint _lastUpper;

    private IrcCaseMapping(string name, char lastUpper)
    {
        Name = name;
        _lastUpper = lastUpper;
    }

    /// <summary>A-Z and a-z only.</summary>
    public static IrcCaseMapping Ascii { get; } = new("ascii", 'Z');

    /// <summary>ASCII plus <c>[\]^</c> as the upper case of <c>{|}~</c>.</summary>
    public static IrcCaseMapping Rfc1459 { get; } = new("rfc1459", '^');

    /// <summary>ASCII plus <c>[\]</c> as the upper case of <c>{|}</c>.</summary>
    public static IrcCaseMapping Rfc1459Strict { get; } = new("rfc1459-strict", ']');

    /// <summary>The ISUPPORT token: <c>ascii</c>, <c>rfc1459</c> or <c>rfc1459-strict</c>.</summary>
    public string Name { get; }

    /// <summary>Finds a mapping by its ISUPPORT name (<c>strict-rfc1459</c> is taken for <c>rfc1459-strict</c>).</summary>
    public static bool TryGet(string? name, [NotNullWhen(true)] out IrcCaseMapping? caseMapping)
    {
        caseMapping = name?.ToLowerInvariant() switch
        {
            "ascii" => Ascii,
            "rfc1459" => Rfc1459,
            "rfc1459-strict" or "strict-rfc1459" => Rfc1459Strict,
            _ => null,
        };
        return caseMapping is not null;
    }

    /// <summary>Finds a mapping by its ISUPPORT name.</summary>
    /// <exception cref="ArgumentException">For a name this library does not know.</exception>
    public static IrcCaseMapping FromName(string name) => TryGet(name, out var caseMapping)
        ? caseMapping
        : throw new ArgumentException($"Unknown case mapping '{name}': expected ascii, rfc1459 or rfc1459-strict.", nameof(name));

    public char Fold(char c) => (uint)c - 'A' <= _lastUpper - 'A' ? (char)(c + 0x20) : c;

    public byte Fold(byte c) => (uint)c - 'A' <= _lastUpper - 'A' ? (byte)(c + 0x20) : c;

    /// <summary>The folded string (the same instance when nothing changes).</summary>
    public string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var first = IndexOfUpper(text);
        if (first < 0)
        {
            return text;
        }

        return string.Create(text.Length, (text, this), static (destination, state) =>
            state.Item2.Fold(state.text, destination));
    }

    /// <summary>Folds <paramref name="source"/> into <paramref name="destination"/> (which may be the same memory).</summary>
    /// <returns>The characters written: the length of the source.</returns>
    public int Fold(ReadOnlySpan<char> source, Span<char> destination)
    {
        if (destination.Length < source.Length)
        {
            throw new ArgumentException("The destination is shorter than the source.", nameof(destination));
        }

        for (var i = 0; i < source.Length; i++)
        {
            destination[i] = Fold(source[i]);
        }

        return source.Length;
    }

    /// <summary>Folds UTF-8 <paramref name="source"/> into <paramref name="destination"/> (which may be the same memory).</summary>
    /// <returns>The bytes written: the length of the source.</returns>
    public int Fold(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        if (destination.Length < source.Length)
        {
            throw new ArgumentException("The destination is shorter than the source.", nameof(destination));
        }

        for (var i = 0; i < source.Length; i++)
        {
            destination[i] = Fold(source[i]);
        }

        return source.Length;
    }

    public override string ToString() => Name;

    private int IndexOfUpper(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (Fold(text[i]) != text[i])
            {
                return i;
            }
        }

        return -1;
    }
}
