using ApartiumChat.Server.Cluster;

namespace ApartiumChat.Simulation.Tests.Doubles;

/// <summary>
/// A planted bug, for tests only: a cluster that forgets a session's idempotency keys once the
/// session has moved (as if each node kept them in its own memory). After a failover, a
/// message the client resends because its acknowledgement was lost is delivered a second
/// time. The fault search must find this and print a scenario that shows it.
/// </summary>
public sealed class ForgetfulClusterBus(IClusterBus inner) : IClusterBus
{
    private readonly Lock _gate = new();
    private readonly HashSet<long> _moved = [];

    public static Func<IClusterBus, IClusterBus> Wrap { get; } = bus => new ForgetfulClusterBus(bus);

    public ResumeResult? Resume(string token, ISessionEndpoint endpoint)
    {
        var result = inner.Resume(token, endpoint);
        if (result is not null)
        {
            lock (_gate)
            {
                _moved.Add(result.Session.Id);
            }
        }

        return result;
    }

    public SendResult SendToChannel(Session session, string channel, MessageDraft draft) => inner.SendToChannel(session, channel, Forget(session, draft));

    public SendResult SendToNick(Session session, string nick, MessageDraft draft) => inner.SendToNick(session, nick, Forget(session, draft));

    private MessageDraft Forget(Session session, MessageDraft draft)
    {
        lock (_gate)
        {
            return _moved.Contains(session.Id) ? draft with { IdempotencyKey = null } : draft;
        }
    }

    public bool IsNickAvailable(string nick) => inner.IsNickAvailable(nick);

    public (Session? Session, string? Token, ClusterError Error) Register(RegistrationRequest request, ISessionEndpoint endpoint) => inner.Register(request, endpoint);

    public void ConnectionLost(Session session, ISessionEndpoint endpoint, string reason) => inner.ConnectionLost(session, endpoint, reason);

    public void Quit(Session session, ISessionEndpoint endpoint, string reason) => inner.Quit(session, endpoint, reason);

    public ClusterError ChangeNick(Session session, string newNick) => inner.ChangeNick(session, newNick);

    public (ChannelView? Channel, ClusterError Error) Join(Session session, string channel, string? key) => inner.Join(session, channel, key);

    public ClusterError Part(Session session, string channel, string? reason) => inner.Part(session, channel, reason);

    public ClusterError Kick(Session session, string channel, string targetNick, string? reason) => inner.Kick(session, channel, targetNick, reason);

    public (ChannelView? Channel, ClusterError Error) SetTopic(Session session, string channel, string topic) => inner.SetTopic(session, channel, topic);

    public ModeChangeResult ChangeModes(Session session, string channel, IReadOnlyList<ModeChange> changes) => inner.ChangeModes(session, channel, changes);

    public HistoryResult QueryHistory(Session session, string target, HistoryQuery query) => inner.QueryHistory(session, target, query);

    public ChannelView? FindChannel(string channel, Session? viewer = null) => inner.FindChannel(channel, viewer);

    public IReadOnlyList<BanEntry> Bans(string channel) => inner.Bans(channel);

    public UserView? FindUser(string nick) => inner.FindUser(nick);

    public IReadOnlyList<ChannelView> Channels() => inner.Channels();

    public IReadOnlyList<UserView> Users() => inner.Users();

    public IReadOnlyList<string> ChannelsOf(Session session) => inner.ChannelsOf(session);

    public (int Users, int Detached, int Channels) Counts() => inner.Counts();
}
