namespace ApartiumChat.Protocol;

/// <summary>
/// What a channel name may be: a channel type character (ISUPPORT <c>CHANTYPES</c>, <c>#&amp;</c>
/// by default) and at least one more character, none of them a space, comma, BEL (^G),
/// NUL, CR or LF.
/// </summary>
public static class ChannelName
{
    /// <summary>The default CHANTYPES.</summary>
    public const string DefaultChannelTypes = "#&";

    /// <summary>The default CHANNELLEN: 50.</summary>
    public const int DefaultMaxLength = 50;

    public static bool IsValid(ReadOnlySpan<char> name) => IsValid(name, DefaultChannelTypes, DefaultMaxLength);

    public static bool IsValid(ReadOnlySpan<char> name, ReadOnlySpan<char> channelTypes, int maxLength)
        => name.Length >= 2
            && name.Length <= maxLength
            && StartsWithChannelType(name, channelTypes)
            && name.IndexOfAny(" ,\a\0\r\n") < 0;

    /// <summary>True when a target names a channel rather than a nick (its first character is a channel type).</summary>
    public static bool StartsWithChannelType(ReadOnlySpan<char> target) => StartsWithChannelType(target, DefaultChannelTypes);

    public static bool StartsWithChannelType(ReadOnlySpan<char> target, ReadOnlySpan<char> channelTypes)
        => !target.IsEmpty && channelTypes.Contains(target[0]);
}
