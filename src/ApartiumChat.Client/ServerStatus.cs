namespace ApartiumChat.Client;

/// <summary>
/// One server of the list as the client sees it now (for <c>/servers</c>): its priority (0 is
/// preferred), whether it is in use, the latest heartbeat or probe round trip measured to it,
/// and why the last attempt at it failed or why it was declared dead, if it was.
/// </summary>
public sealed record ServerStatus(ServerEntry Server, int Priority, bool InUse, TimeSpan? LastRoundTrip, string? LastFailure);
