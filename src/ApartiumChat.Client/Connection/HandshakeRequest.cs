namespace ApartiumChat.Client.Connection;

/// <summary>
/// What the client wants from a registration: its identity, its resume token (if it has
/// one) and its channels. <c>BeforeResume</c> runs just before HA RESUME goes out: from then
/// on the server may take the session from the connection that holds it.
/// <c>MayRegisterAfterRefusal</c> says whether a refused token leads to a fresh registration.
/// </summary>
internal sealed record HandshakeRequest(
    string Nick,
    string User,
    string RealName,
    string? Password,
    string? ResumeToken,
    IReadOnlyList<string> Channels,
    Action? BeforeResume = null,
    bool MayRegisterAfterRefusal = true);
