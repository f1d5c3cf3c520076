namespace ApartiumChat.Protocol;

/// <summary>
/// Names the part of a message an error is about. A struct whose text is made only when an
/// error is thrown, so that naming parts costs nothing on the hot path.
/// </summary>
internal readonly record struct MessagePart(string Kind, int Index = -1, string? Key = null)
{
    public static MessagePart Parameter(int index) => new("Parameter", index);

    public static MessagePart TagValue(string key) => new("The value of tag", Key: key);

    public override string ToString() => Index >= 0 ? $"{Kind} {Index}" : Key is null ? Kind : $"{Kind} '{Key}'";
}
