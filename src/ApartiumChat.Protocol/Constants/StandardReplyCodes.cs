namespace ApartiumChat.Protocol;

/// <summary>
/// Codes of <c>FAIL</c>/<c>WARN</c>/<c>NOTE</c> replies (IRCv3 standard replies) this server uses.
/// </summary>
public static class StandardReplyCodes
{
    /// <summary>A line that is not valid UTF-8 (<c>FAIL * INVALID_UTF8</c>).</summary>
    public const string InvalidUtf8 = "INVALID_UTF8";

    /// <summary>A command is missing parameters.</summary>
    public const string NeedMoreParams = "NEED_MORE_PARAMS";

    /// <summary>A parameter has an invalid value.</summary>
    public const string InvalidParams = "INVALID_PARAMS";

    /// <summary>A subcommand is unknown.</summary>
    public const string UnknownCommand = "UNKNOWN_COMMAND";

    /// <summary>CHATHISTORY: an unknown or expired message id.</summary>
    public const string MessageError = "MESSAGE_ERROR";

    /// <summary>CHATHISTORY: a target the client may not read.</summary>
    public const string InvalidTarget = "INVALID_TARGET";

    /// <summary>HA RESUME: an invalid, expired or used token.</summary>
    public const string InvalidToken = "INVALID_TOKEN";

    /// <summary>HA RESUME after registration.</summary>
    public const string AlreadyRegistered = "ALREADY_REGISTERED";

    /// <summary>A malformed apartium.chat/idem key.</summary>
    public const string InvalidIdempotencyKey = "INVALID_IDEMPOTENCY_KEY";
}
