using ApartiumChat.Server.History;

namespace ApartiumChat.Server.Cluster;

/// <summary>A channel: members in join order, modes, topic, bans and its history log. Guarded by the cluster's lock.</summary>
public sealed class Channel
{
    private readonly Dictionary<long, ChannelMember> _bySession = [];

    internal Channel(string name, string foldedName, DateTimeOffset created, int historyCapacity)
    {
        Name = name;
        FoldedName = foldedName;
        Created = created;
        History = new HistoryLog(historyCapacity);
    }

    public string Name { get; }

    public string FoldedName { get; }

    public DateTimeOffset Created { get; }

    internal List<ChannelMember> Members { get; } = [];

    internal HistoryLog History { get; }

    internal ChannelModes Modes { get; } = new();

    internal List<BanEntry> Bans { get; } = [];

    internal string? Topic { get; set; }

    internal string? TopicSetBy { get; set; }

    internal DateTimeOffset TopicSetAt { get; set; }

    internal ChannelMember? Find(Session session) => _bySession.GetValueOrDefault(session.Id);

    internal ChannelMember Add(Session session, bool isOperator)
    {
        var member = new ChannelMember(session) { IsOperator = isOperator };
        _bySession.Add(session.Id, member);
        Members.Add(member);
        return member;
    }

    internal void Remove(Session session)
    {
        if (_bySession.Remove(session.Id, out var member))
        {
            Members.Remove(member);
        }
    }
}
