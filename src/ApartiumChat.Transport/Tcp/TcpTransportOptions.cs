namespace ApartiumChat.Transport.Tcp;

/// <summary>Socket settings for <see cref="TcpTransport"/>.</summary>
public sealed record TcpTransportOptions
{
    public static TcpTransportOptions Default { get; } = new();

    /// <summary>Disable Nagle: chat lines and heartbeats are small and latency matters. Default true.</summary>
    public bool NoDelay { get; init; } = true;

    /// <summary>Bytes buffered per direction before the writer waits (back-pressure). Default 64 KiB.</summary>
    public int MaxBufferedBytes { get; init; } = 64 * 1024;

    /// <summary>
    /// Wake a pipe's reader inline (on the thread that wrote the data: the socket's receive
    /// completion, or the application's flush) instead of queueing it on the thread pool.
    /// Saves two thread-pool hops per direction, which a relay (the fault proxy) feels as
    /// round-trip time; only for readers that never block. Default false.
    /// </summary>
    public bool InlineScheduling { get; init; }

    /// <summary>
    /// Bytes asked of the pool for each receive. Small suits chat lines (and memory stays low
    /// however many connections read at once); a relay of bulk streams (the fault proxy)
    /// moves more per system call and per hop with a larger one. Default 4 KiB.
    /// </summary>
    public int ReceiveBufferBytes { get; init; } = 4096;

    /// <summary>Listen backlog. Default 512.</summary>
    public int Backlog { get; init; } = 512;
}
