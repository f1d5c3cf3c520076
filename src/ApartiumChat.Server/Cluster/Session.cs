using ApartiumChat.Server.Messages;

namespace ApartiumChat.Server.Cluster;

/// <summary>
/// A user's presence in the cluster: nick, identity, channels and high-availability state.
/// It outlives connections when the client negotiated <c>apartium.chat/ha</c>: a lost
/// connection only detaches it, and a resume attaches it to a new connection.
/// State is guarded by the cluster's lock; read it through the cluster's snapshots.
/// </summary>
public sealed class Session
{
    internal Session(long id, string nick, string user, string host, string realName, bool isHa, DateTimeOffset signOn, int maxIdempotencyKeys)
    {
        Id = id;
        User = user;
        Host = host;
        Nick = nick; // after User and Host: it builds the mask
        RealName = realName;
        IsHa = isHa;
        SignOn = signOn;
        IdempotencyKeys = new IdempotencyKeys(maxIdempotencyKeys);
    }

    public long Id { get; }

    public string Nick
    {
        get;
        internal set
        {
            field = value;
            Mask = $"{value}!{User}@{Host}";
        }
    }

    public string User { get; }

    public string Host { get; }

    public string RealName { get; }

    /// <summary>True when the client negotiated <c>apartium.chat/ha</c>: the session survives its connection.</summary>
    public bool IsHa { get; }

    public DateTimeOffset SignOn { get; }

    /// <summary>The source of this session's messages: <c>nick!user@host</c> (built when the nick changes, not per message).</summary>
    public string Mask { get; private set; } = string.Empty;

    public bool IsAttached => Endpoint is not null;

    public bool HasEnded { get; internal set; }

    internal ISessionEndpoint? Endpoint { get; set; }

    internal string? ResumeToken { get; set; }

    /// <summary>
    /// The token the session was last resumed with. It stays valid until <see cref="ResumeToken"/>
    /// is used: the answer carrying the new token may have been lost with the connection, and
    /// the client must not be locked out of its own session for that.
    /// </summary>
    internal string? PreviousResumeToken { get; set; }

    /// <summary>Counts resumes, so an expiry armed before one knows it is out of date.</summary>
    internal long Generation { get; set; }

    internal ITimer? ExpiryTimer { get; set; }

    /// <summary>Channels in join order.</summary>
    internal List<Channel> Channels { get; } = [];

    internal IdempotencyKeys IdempotencyKeys { get; }

    internal void Deliver(OutboundMessage message) => Endpoint?.Deliver(message);
}
