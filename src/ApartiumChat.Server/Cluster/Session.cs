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
        Nick = nick;
        User = user;
        Host = host;
        RealName = realName;
        IsHa = isHa;
        SignOn = signOn;
        IdempotencyKeys = new IdempotencyKeys(maxIdempotencyKeys);
    }

    public long Id { get; }

    public string Nick { get; internal set; }

    public string User { get; }

    public string Host { get; }

    public string RealName { get; }

    /// <summary>True when the client negotiated <c>apartium.chat/ha</c>: the session survives its connection.</summary>
    public bool IsHa { get; }

    public DateTimeOffset SignOn { get; }

    /// <summary>The source of this session's messages: <c>nick!user@host</c>.</summary>
    public string Mask => $"{Nick}!{User}@{Host}";

    public bool IsAttached => Endpoint is not null;

    public bool HasEnded { get; internal set; }

    internal ISessionEndpoint? Endpoint { get; set; }

    internal string? ResumeToken { get; set; }

    internal ITimer? ExpiryTimer { get; set; }

    /// <summary>Channels in join order.</summary>
    internal List<Channel> Channels { get; } = [];

    internal IdempotencyKeys IdempotencyKeys { get; }

    internal void Deliver(OutboundMessage message) => Endpoint?.Deliver(message);
}
