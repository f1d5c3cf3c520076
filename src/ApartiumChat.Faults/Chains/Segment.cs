namespace ApartiumChat.Faults.Chains;

/// <summary>One item on a toxic chain: a chunk of bytes as it was read, or an end of stream.</summary>
internal readonly record struct Segment(SegmentKind Kind, ReadOnlyMemory<byte> Data)
{
    public static Segment Fin => new(SegmentKind.Fin, default);

    public static Segment Reset => new(SegmentKind.Reset, default);

    public static Segment Close => new(SegmentKind.Close, default);

    public static Segment Abort => new(SegmentKind.Abort, default);

    public bool IsData => Kind == SegmentKind.Data;

    public int Length => Data.Length;

    public static Segment Bytes(ReadOnlyMemory<byte> data) => new(SegmentKind.Data, data);
}
