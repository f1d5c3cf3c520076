namespace ApartiumChat.Client;

/// <summary>Why one connection attempt to one server failed.</summary>
public enum ConnectFailure
{
    /// <summary>Refused or unreachable (nobody listening, no route, name not resolved).</summary>
    Refused,

    /// <summary>No registration within the connect timeout (a hung server, a cut link).</summary>
    Timeout,

    /// <summary>The connection was reset or closed during registration.</summary>
    Closed,

    /// <summary>The nick is taken on that server.</summary>
    NickInUse,

    /// <summary>The server refused the registration (bad nick, wrong password, banned); retrying will not help.</summary>
    Refusal,
}
