namespace ApartiumChat.Transport.Tcp;

/// <summary>Socket settings for <see cref="TcpTransport"/>.</summary>
public sealed record TcpTransportOptions
{
    public static TcpTransportOptions Default { get; } = new();

    /// <summary>Disable Nagle: chat lines and heartbeats are small and latency matters. Default true.</summary>
    public bool NoDelay { get; init; } = true;

    /// <summary>
    /// Room for each receive, rented from the shared pool only while unread bytes are held
    /// (an idle connection holds none; one stopped mid-line keeps about a line). Large, so
    /// that a busy connection takes everything waiting with one system call: a server then
    /// handles more lines per read and sends each receiver more lines per write. Default 64 KiB.
    /// </summary>
    public int ReceiveBufferBytes { get; init; } = 64 * 1024;

    /// <summary>Listen backlog. Default 512.</summary>
    public int Backlog { get; init; } = 512;
}
