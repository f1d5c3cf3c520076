namespace ApartiumChat.Faults.Chains;

/// <summary>What travels down a toxic chain: bytes, or how the stream ends.</summary>
internal enum SegmentKind
{
    /// <summary>Bytes read from the source.</summary>
    Data,

    /// <summary>The source half-closed (FIN): complete the destination's output.</summary>
    Fin,

    /// <summary>The source was reset (RST): reset the destination.</summary>
    Reset,

    /// <summary>A toxic closes the connection: FIN on this side and close the whole link.</summary>
    Close,

    /// <summary>A toxic resets the connection: RST to both ends.</summary>
    Abort,
}
