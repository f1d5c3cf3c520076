namespace ApartiumChat.Server.Options;

/// <summary>Protection limits. Each one is why a misbehaving client cannot hurt the others.</summary>
public sealed record ServerLimits
{
    public static ServerLimits Default { get; } = new();

    /// <summary>Connections this node holds at once; one more gets ERROR and is closed. Default 10,000.</summary>
    public int MaxConnections { get; init; } = 10_000;

    /// <summary>A connection that has not registered by then is closed. Default 30 s.</summary>
    public TimeSpan RegistrationTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Silence from a client after which the server sends it a PING. Default 60 s.</summary>
    public TimeSpan PingInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Silence after the server's PING after which the client is dropped. Default 60 s.</summary>
    public TimeSpan PingTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Bytes queued for one client before it counts as not reading and is dropped, so a
    /// stalled reader never slows anyone else. Default 1 MiB.
    /// </summary>
    public int SendQueueBytes { get; init; } = 1024 * 1024;

    /// <summary>Lines a client may send at once before throttling starts. Default 30.</summary>
    public int FloodBurstLines { get; init; } = 30;

    /// <summary>Sustained lines per second a client may send. 0 turns throttling off. Default 20.</summary>
    public double FloodLinesPerSecond { get; init; } = 20;

    /// <summary>
    /// Unprocessed input a throttled client may have waiting before it is dropped for
    /// flooding (like a receive queue). Default 64 KiB.
    /// </summary>
    public int FloodMaxQueuedBytes { get; init; } = 64 * 1024;

    /// <summary>Longest message part of a line (excluding tags), CRLF included. Default 512.</summary>
    public int MaxLineBytes { get; init; } = 512;

    /// <summary>Longest tags part of a line, '@' and the space after included. Default 8191.</summary>
    public int MaxTagBytes { get; init; } = 8191;

    /// <summary>Channels one client may be in. Default 100.</summary>
    public int MaxChannelsPerClient { get; init; } = 100;

    /// <summary>Targets in one PRIVMSG/NOTICE/JOIN. Default 10.</summary>
    public int MaxTargets { get; init; } = 10;

    /// <summary>Longest nick. Default 30.</summary>
    public int NickLength { get; init; } = 30;

    /// <summary>Longest channel name. Default 50.</summary>
    public int ChannelLength { get; init; } = 50;

    /// <summary>Longest topic. Default 390.</summary>
    public int TopicLength { get; init; } = 390;

    /// <summary>Bans per channel. Default 100.</summary>
    public int MaxBansPerChannel { get; init; } = 100;

    public IEnumerable<string> Validate()
    {
        if (MaxConnections < 1)
        {
            yield return $"Limits:MaxConnections must be at least 1 (got {MaxConnections})";
        }

        foreach (var (name, value) in new[] { ("RegistrationTimeout", RegistrationTimeout), ("PingInterval", PingInterval), ("PingTimeout", PingTimeout) })
        {
            if (value <= TimeSpan.Zero)
            {
                yield return $"Limits:{name} must be positive (got {value})";
            }
        }

        if (SendQueueBytes < 4096)
        {
            yield return $"Limits:SendQueueBytes must be at least 4096 (got {SendQueueBytes})";
        }

        if (FloodBurstLines < 1)
        {
            yield return $"Limits:FloodBurstLines must be at least 1 (got {FloodBurstLines})";
        }

        if (FloodLinesPerSecond < 0 || double.IsNaN(FloodLinesPerSecond))
        {
            yield return $"Limits:FloodLinesPerSecond must be 0 (off) or more (got {FloodLinesPerSecond})";
        }

        if (FloodMaxQueuedBytes < MaxLineBytes + MaxTagBytes)
        {
            yield return $"Limits:FloodMaxQueuedBytes must hold at least one full line ({MaxLineBytes + MaxTagBytes} bytes; got {FloodMaxQueuedBytes})";
        }

        if (MaxLineBytes < 512)
        {
            yield return $"Limits:MaxLineBytes must be at least 512, as IRC requires (got {MaxLineBytes})";
        }

        if (MaxTagBytes < 512)
        {
            yield return $"Limits:MaxTagBytes must be at least 512 (got {MaxTagBytes})";
        }

        foreach (var (name, value, min) in new[]
        {
            ("MaxChannelsPerClient", MaxChannelsPerClient, 1), ("MaxTargets", MaxTargets, 1), ("NickLength", NickLength, 9),
            ("ChannelLength", ChannelLength, 2), ("TopicLength", TopicLength, 1), ("MaxBansPerChannel", MaxBansPerChannel, 0),
        })
        {
            if (value < min)
            {
                yield return $"Limits:{name} must be at least {min} (got {value})";
            }
        }
    }
}
