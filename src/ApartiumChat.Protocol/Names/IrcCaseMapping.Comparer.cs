using System.Text;

namespace ApartiumChat.Protocol;

/// <summary>Equality under the mapping, as a dictionary comparer.</summary>
public sealed partial class IrcCaseMapping
    : IEqualityComparer<string>,
      IAlternateEqualityComparer<ReadOnlySpan<char>, string>,
      IAlternateEqualityComparer<ReadOnlySpan<byte>, string>
{
    public bool Equals(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return true;
        }

        return x is not null && y is not null && Equals(x.AsSpan(), y.AsSpan());
    }

    public bool Equals(ReadOnlySpan<char> x, ReadOnlySpan<char> y)
    {
        if (x.Length != y.Length)
        {
            return false;
        }

        for (var i = 0; i < x.Length; i++)
        {
            if (Fold(x[i]) != Fold(y[i]))
            {
                return false;
            }
        }

        return true;
    }

    public bool Equals(ReadOnlySpan<byte> x, ReadOnlySpan<byte> y)
    {
        if (x.Length != y.Length)
        {
            return false;
        }

        for (var i = 0; i < x.Length; i++)
        {
            if (Fold(x[i]) != Fold(y[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Compares UTF-8 text with a string under the mapping.</summary>
    public bool Equals(ReadOnlySpan<byte> utf8, string? other)
    {
        if (other is null)
        {
            return false;
        }

        var rest = other.AsSpan();
        Span<char> units = stackalloc char[2];
        while (!utf8.IsEmpty)
        {
            Rune.DecodeFromUtf8(utf8, out var rune, out var consumed); // invalid input decodes as U+FFFD
            utf8 = utf8[consumed..];
            var count = rune.EncodeToUtf16(units);
            if (rest.Length < count || Fold(rest[0]) != Fold(units[0]) || (count == 2 && rest[1] != units[1]))
            {
                return false;
            }

            rest = rest[count..];
        }

        return rest.IsEmpty;
    }

    public int GetHashCode(string obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return GetHashCode(obj.AsSpan());
    }

    // The hash adds folded UTF-16 code units one by one so that a string, a char span and
    // the UTF-8 bytes of the same text hash alike (alternate lookups rely on it).
    public int GetHashCode(ReadOnlySpan<char> alternate)
    {
        var hash = new HashCode();
        foreach (var c in alternate)
        {
            hash.Add(Fold(c));
        }

        return hash.ToHashCode();
    }

    public int GetHashCode(ReadOnlySpan<byte> alternate)
    {
        var hash = new HashCode();
        Span<char> units = stackalloc char[2];
        while (!alternate.IsEmpty)
        {
            var b = alternate[0];
            if (b < 0x80)
            {
                hash.Add((char)Fold(b));
                alternate = alternate[1..];
                continue;
            }

            Rune.DecodeFromUtf8(alternate, out var rune, out var consumed);
            alternate = alternate[consumed..];
            var count = rune.EncodeToUtf16(units);
            for (var i = 0; i < count; i++)
            {
                hash.Add(units[i]); // above ASCII: folding changes nothing
            }
        }

        return hash.ToHashCode();
    }

    bool IAlternateEqualityComparer<ReadOnlySpan<char>, string>.Equals(ReadOnlySpan<char> alternate, string other)
        => other is not null && Equals(alternate, other.AsSpan());

    string IAlternateEqualityComparer<ReadOnlySpan<char>, string>.Create(ReadOnlySpan<char> alternate) => new(alternate);

    bool IAlternateEqualityComparer<ReadOnlySpan<byte>, string>.Equals(ReadOnlySpan<byte> alternate, string other)
        => Equals(alternate, other);

    string IAlternateEqualityComparer<ReadOnlySpan<byte>, string>.Create(ReadOnlySpan<byte> alternate)
        => Encoding.UTF8.GetString(alternate);
}
