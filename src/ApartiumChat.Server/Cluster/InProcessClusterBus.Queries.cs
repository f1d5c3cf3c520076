namespace ApartiumChat.Server.Cluster;

/// <summary>Read-only views for NAMES, WHO, WHOIS, LIST and LUSERS.</summary>
public sealed partial class InProcessClusterBus
{
    public ChannelView? FindChannel(string channel, Session? viewer = null)
    {
        lock (_gate)
        {
            return _channels.TryGetValue(Fold(channel), out var target)
                ? View(target, forMember: viewer is not null && target.Find(viewer) is not null)
                : null;
        }
    }

    public UserView? FindUser(string nick)
    {
        lock (_gate)
        {
            return _sessionsByNick.TryGetValue(Fold(nick), out var session) ? UserViewOf(session) : null;
        }
    }

    public IReadOnlyList<ChannelView> Channels()
    {
        lock (_gate)
        {
            return _channels.Values.OrderBy(c => c.FoldedName, StringComparer.Ordinal).Select(c => View(c, forMember: false)).ToList();
        }
    }

    public IReadOnlyList<UserView> Users()
    {
        lock (_gate)
        {
            return _sessionsByNick.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => UserViewOf(p.Value)).ToList();
        }
    }

    public IReadOnlyList<string> ChannelsOf(Session session)
    {
        ArgumentNullException.ThrowIfNull(session);
        lock (_gate)
        {
            return session.Channels.Select(c => (c.Find(session)?.Prefix ?? string.Empty) + c.Name).ToList();
        }
    }

    private static UserView UserViewOf(Session session) => new(
        session.Nick,
        session.User,
        session.Host,
        session.RealName,
        session.Endpoint?.ServerName,
        session.SignOn,
        session.IsAttached,
        session.Channels.Select(c => (c.Find(session)?.Prefix ?? string.Empty) + c.Name).ToList());
}
