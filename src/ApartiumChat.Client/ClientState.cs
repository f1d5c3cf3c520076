namespace ApartiumChat.Client;

/// <summary>
/// Where the client's connection is. Every change is published as <see cref="Events.StateChanged"/>.
/// <code>
///   Disconnected -> Connecting -> Registering -> Connected -> FailingOver -> Connecting -> ...
///         ^             |              |                          ^  (backoff waits)
///         +--(backoff)--+--------------+  (first connect)         |
///   any state -> Stopped (StopAsync, or a refusal that retrying cannot fix)
/// </code>
/// </summary>
public enum ClientState
{
    /// <summary>Not started, or waiting (backoff) before the first connection has ever been made.</summary>
    Disconnected,

    /// <summary>Opening a transport connection to a server.</summary>
    Connecting,

    /// <summary>Connected; negotiating capabilities, resuming or registering, joining channels.</summary>
    Registering,

    /// <summary>Registered with nick and channels; messages flow.</summary>
    Connected,

    /// <summary>The server in use was declared dead; looking for another (backoff waits included).</summary>
    FailingOver,

    /// <summary>Stopped for good: by <see cref="HaClient.StopAsync"/> or a refusal that retrying cannot fix.</summary>
    Stopped,
}
