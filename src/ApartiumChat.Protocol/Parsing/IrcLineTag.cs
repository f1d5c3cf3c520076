namespace ApartiumChat.Protocol;

/// <summary>One tag of a parsed line: its key and its value as sent (still escaped, empty when none).</summary>
public readonly ref struct IrcLineTag
{
    public IrcLineTag(ReadOnlySpan<byte> key, ReadOnlySpan<byte> rawValue)
    {
        Key = key;
        RawValue = rawValue;
    }

    public ReadOnlySpan<byte> Key { get; }

    public ReadOnlySpan<byte> RawValue { get; }

    /// <summary>Client-only tags start with '+'.</summary>
    public bool IsClientOnly => !Key.IsEmpty && Key[0] == '+';

    /// <summary>Unescapes the value into <paramref name="destination"/> (as long as <see cref="RawValue"/> suffices).</summary>
    public bool TryUnescapeValue(Span<byte> destination, out int written) => TagValue.TryUnescape(RawValue, destination, out written);
}
