namespace ApartiumChat.Transport.Tcp;

/// <summary>Socket settings for <see cref="TcpTransport"/>.</summary>
public sealed record TcpTransportOptions
{
    public static TcpTransportOptions Default { get; } = new();

    /// <summary>Disable Nagle: chat lines and heartbeats are small and latency matters. Default true.</summary>
    public bool NoDelay { get; init; } = true;

    /// <summary>
    /// Bytes asked of the pool for each receive. Small suits chat lines (and memory stays low
    /// however many connections read at once); a relay of bulk streams (the fault proxy)
    /// moves more per system call and per hop with a larger one. Default 4 KiB.
    /// </summary>
    public int ReceiveBufferBytes { get; init; } = 4096;

    /// <summary>Listen backlog. Default 512.</summary>
    public int Backlog { get; init; } = 512;
}
