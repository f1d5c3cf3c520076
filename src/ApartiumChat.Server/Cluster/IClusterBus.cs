namespace ApartiumChat.Server.Cluster;

/// <summary>
/// What the servers of one cluster share: nicks, sessions, channels and their membership,
/// history, resume tokens and idempotency keys. Every server node of the cluster calls it;
/// it reaches clients through their <see cref="ISessionEndpoint"/>s.
/// </summary>
/// <remarks>
/// The embedded implementation is <see cref="InProcessClusterBus"/> (servers in one process).
/// Servers on several machines would share the same interface through a distributed engine.
/// Every operation is atomic; broadcasts are queued on endpoints inside the operation, so all
/// members see a channel's events in the same order, which is also the history order.
/// </remarks>
public interface IClusterBus
{
    /// <summary>Whether a nick is free (cluster-wide, under the cluster's case mapping).</summary>
    bool IsNickAvailable(string nick);

    /// <summary>Creates a session for a registering client, attached to <paramref name="endpoint"/>.</summary>
    /// <returns>The session and, for HA sessions, its first resume token; or <see cref="ClusterError.NickInUse"/>.</returns>
    (Session? Session, string? Token, ClusterError Error) Register(RegistrationRequest request, ISessionEndpoint endpoint);

    /// <summary>Moves a detached or attached session to <paramref name="endpoint"/>; the token then stops working.</summary>
    ResumeResult? Resume(string token, ISessionEndpoint endpoint);

    /// <summary>
    /// The connection of <paramref name="session"/> at <paramref name="endpoint"/> ended
    /// without QUIT. HA sessions are detached and wait to be resumed; others end. Does
    /// nothing if the session has already moved to another endpoint.
    /// </summary>
    void ConnectionLost(Session session, ISessionEndpoint endpoint, string reason);

    /// <summary>Ends a session (QUIT): members of its channels see the reason.</summary>
    void Quit(Session session, ISessionEndpoint endpoint, string reason);

    ClusterError ChangeNick(Session session, string newNick);

    (ChannelView? Channel, ClusterError Error) Join(Session session, string channel, string? key);

    ClusterError Part(Session session, string channel, string? reason);

    ClusterError Kick(Session session, string channel, string targetNick, string? reason);

    (ChannelView? Channel, ClusterError Error) SetTopic(Session session, string channel, string topic);

    ModeChangeResult ChangeModes(Session session, string channel, IReadOnlyList<ModeChange> changes);

    SendResult SendToChannel(Session session, string channel, MessageDraft draft);

    SendResult SendToNick(Session session, string nick, MessageDraft draft);

    HistoryResult QueryHistory(Session session, string target, HistoryQuery query);

    /// <summary>A channel as <paramref name="viewer"/> may see it (its key only for members).</summary>
    ChannelView? FindChannel(string channel, Session? viewer = null);

    IReadOnlyList<BanEntry> Bans(string channel);

    UserView? FindUser(string nick);

    /// <summary>Every channel, by name.</summary>
    IReadOnlyList<ChannelView> Channels();

    /// <summary>Every session, attached or detached, by nick.</summary>
    IReadOnlyList<UserView> Users();

    /// <summary>The channels a session is in, as it sees them (for WHOIS and resume).</summary>
    IReadOnlyList<string> ChannelsOf(Session session);

    /// <summary>The visible identity of the server list, for LUSERS-style counts.</summary>
    (int Users, int Detached, int Channels) Counts();
}
