namespace ApartiumChat.Transport.Tcp;

/// <summary>Socket settings for <see cref="TcpTransport"/>.</summary>
public sealed record TcpTransportOptions
{
    public static TcpTransportOptions Default { get; } = new();

    /// <summary>Disable Nagle: chat lines and heartbeats are small and latency matters. Default true.</summary>
    public bool NoDelay { get; init; } = true;

    /// <summary>Bytes buffered per direction before the writer waits (back-pressure). Default 64 KiB.</summary>
    public int MaxBufferedBytes { get; init; } = 64 * 1024;

    /// <summary>Listen backlog. Default 512.</summary>
    public int Backlog { get; init; } = 512;
}
