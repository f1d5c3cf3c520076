namespace ApartiumChat.Protocol;

/// <summary>Where a part of a line lies: an offset and a length into the line's bytes.</summary>
internal readonly record struct LineSegment(int Start, int Length)
{
    public ReadOnlySpan<byte> Of(ReadOnlySpan<byte> line) => line.Slice(Start, Length);
}
