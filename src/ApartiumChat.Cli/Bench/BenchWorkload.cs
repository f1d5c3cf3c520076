namespace ApartiumChat.Cli.Bench;

/// <summary>The workloads of <c>apartium bench</c>.</summary>
internal enum BenchWorkload
{
    /// <summary>One sender, N receivers on one channel.</summary>
    FanOut,

    /// <summary>N clients on one channel, every one of them sending.</summary>
    Chatter,

    /// <summary>N pairs, each alone in its own channel: one sends, the other receives.</summary>
    Channels,

    /// <summary>N clients connecting and registering as fast as allowed, or at a given rate.</summary>
    Storm,

    /// <summary>N registered clients doing nothing: the server's memory per connection.</summary>
    Idle,

    /// <summary>The server CPU that idle HA clients' heartbeats cost, per heartbeat interval.</summary>
    Heartbeat,
}
