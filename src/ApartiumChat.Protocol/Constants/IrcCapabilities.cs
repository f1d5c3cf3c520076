namespace ApartiumChat.Protocol;

/// <summary>
/// Capability names offered in <c>CAP LS</c> (docs/protocol.md).
/// </summary>
public static class IrcCapabilities
{
    /// <summary>Tags on messages, client-only tags, TAGMSG.</summary>
    public const string MessageTags = "message-tags";

    /// <summary><c>time=YYYY-MM-DDThh:mm:ss.sssZ</c> on every message.</summary>
    public const string ServerTime = "server-time";

    /// <summary>The sender gets its own PRIVMSG/NOTICE back.</summary>
    public const string EchoMessage = "echo-message";

    /// <summary>A <c>label</c> on a command comes back on its response.</summary>
    public const string LabeledResponse = "labeled-response";

    /// <summary><c>BATCH +id type</c> / <c>BATCH -id</c>.</summary>
    public const string Batch = "batch";

    /// <summary>The CHATHISTORY command.</summary>
    public const string ChatHistory = "draft/chathistory";

    /// <summary>Session resume, idempotent send and graceful-shutdown notices.</summary>
    public const string ApartiumHa = "apartium.chat/ha";
}
