namespace ApartiumChat.Protocol;

/// <summary>
/// Subcommands of <c>HA</c> (docs/protocol.md, the apartium.chat/ha capability).
/// </summary>
public static class HaSubcommands
{
    /// <summary><c>HA TOKEN &lt;token&gt;</c>: the server gives the session's resume token.</summary>
    public const string Token = "TOKEN";

    /// <summary><c>HA RESUME &lt;token&gt;</c>: the client takes over a detached session.</summary>
    public const string Resume = "RESUME";

    /// <summary><c>HA RESUMED &lt;nick&gt;</c>: the resume worked.</summary>
    public const string Resumed = "RESUMED";

    /// <summary><c>HA MOVE &lt;seconds&gt; :reason</c>: the server is shutting down.</summary>
    public const string Move = "MOVE";
}
