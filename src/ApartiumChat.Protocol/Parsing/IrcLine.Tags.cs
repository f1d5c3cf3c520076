using System.Text;

namespace ApartiumChat.Protocol;

/// <summary>Tag lookup on a parsed line, without allocating.</summary>
public ref partial struct IrcLine
{
    /// <summary>The tags in wire order (duplicates included), values still escaped.</summary>
    public readonly IrcLineTagEnumerator Tags => new(RawTags);

    /// <summary>
    /// Finds the tag <paramref name="key"/> (compared byte for byte) and gives its value as
    /// sent, still escaped. When a key repeats, the last one wins (IRCv3 message-tags).
    /// </summary>
    public readonly bool TryGetTag(scoped ReadOnlySpan<byte> key, out ReadOnlySpan<byte> rawValue)
    {
        var found = false;
        rawValue = default;
        foreach (var tag in Tags)
        {
            if (tag.Key.SequenceEqual(key))
            {
                rawValue = tag.RawValue;
                found = true;
            }
        }

        return found;
    }

    /// <summary>
    /// Finds the tag <paramref name="key"/> and unescapes its value into
    /// <paramref name="destination"/>; a destination as long as <see cref="RawTags"/> always suffices.
    /// </summary>
    /// <returns>False when the line has no such tag.</returns>
    /// <exception cref="ArgumentException">When the destination is too small for the value.</exception>
    public readonly bool TryGetTag(scoped ReadOnlySpan<byte> key, scoped Span<byte> destination, out int valueLength)
    {
        valueLength = 0;
        if (!TryGetTag(key, out var raw))
        {
            return false;
        }

        if (!TagValue.TryUnescape(raw, destination, out valueLength))
        {
            throw new ArgumentException($"The destination ({destination.Length} bytes) is too small for the value of the tag.", nameof(destination));
        }

        return true;
    }

    /// <summary>The unescaped value of the tag <paramref name="key"/> as a new string, or null.</summary>
    public readonly string? GetTagString(string key)
    {
        Span<byte> utf8Key = stackalloc byte[Math.Min(Encoding.UTF8.GetMaxByteCount(key.Length), 256)];
        if (!Encoding.UTF8.TryGetBytes(key, utf8Key, out var written))
        {
            return null; // longer than any key this line could hold
        }

        return TryGetTag(utf8Key[..written], out var raw) ? TagValue.UnescapeToString(raw) : null;
    }
}
