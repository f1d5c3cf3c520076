namespace ApartiumChat.Server.Cluster;

/// <summary>A session's membership of one channel, with its channel privileges.</summary>
internal sealed class ChannelMember
{
    public ChannelMember(Session session)
    {
        Session = session;
    }

    public Session Session { get; }

    public bool IsOperator { get; set; }

    public bool IsVoiced { get; set; }

    /// <summary>The highest prefix for NAMES/WHO: <c>@</c>, <c>+</c> or nothing.</summary>
    public string Prefix => IsOperator ? "@" : IsVoiced ? "+" : string.Empty;

    /// <summary>All prefixes, highest first (multi-prefix).</summary>
    public string AllPrefixes => (IsOperator ? "@" : string.Empty) + (IsVoiced ? "+" : string.Empty);
}
