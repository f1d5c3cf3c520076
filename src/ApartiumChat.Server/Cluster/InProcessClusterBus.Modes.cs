using System.Globalization;

namespace ApartiumChat.Server.Cluster;

/// <summary>Channel modes: +n +t +m +k +l +b, and member modes +o +v.</summary>
public sealed partial class InProcessClusterBus
{
    /// <summary>Modes that take a parameter when set (and, for k, b, o, v, when unset).</summary>
    public const string ModesWithParameter = "bklov";

    public ModeChangeResult ChangeModes(Session session, string channel, IReadOnlyList<ModeChange> changes)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(changes);
        lock (_gate)
        {
            if (!_channels.TryGetValue(Fold(channel), out var target))
            {
                return new ModeChangeResult(ClusterError.NoSuchChannel, [], []);
            }

            var member = target.Find(session);
            if (member is null || !member.IsOperator)
            {
                return new ModeChangeResult(member is null ? ClusterError.NotOnChannel : ClusterError.ChannelOperatorNeeded, [], []);
            }

            var applied = new List<ModeChange>();
            var refused = new List<(ModeChange, ClusterError)>();
            foreach (var change in changes)
            {
                var error = Apply(target, session, change, out var effective);
                if (error != ClusterError.None)
                {
                    refused.Add((change, error));
                }
                else if (effective is not null)
                {
                    applied.Add(effective);
                }
            }

            if (applied.Count > 0)
            {
                DeliverToPeers([target], Event(session, "MODE", [target.Name, .. Describe(applied)]), alsoTo: null);
            }

            return new ModeChangeResult(ClusterError.None, applied, refused);
        }
    }

    public IReadOnlyList<BanEntry> Bans(string channel)
    {
        lock (_gate)
        {
            return _channels.TryGetValue(Fold(channel), out var target) ? [.. target.Bans] : [];
        }
    }

    /// <summary>Applies one change; <paramref name="effective"/> is null when it changed nothing.</summary>
    private ClusterError Apply(Channel channel, Session actor, ModeChange change, out ModeChange? effective)
    {
        effective = change;
        var modes = channel.Modes;
        switch (change.Mode)
        {
            case 'n':
                effective = Flip(modes.NoOutsideMessages, change, v => modes.NoOutsideMessages = v);
                return ClusterError.None;
            case 't':
                effective = Flip(modes.TopicOpsOnly, change, v => modes.TopicOpsOnly = v);
                return ClusterError.None;
            case 'm':
                effective = Flip(modes.Moderated, change, v => modes.Moderated = v);
                return ClusterError.None;
            case 'k':
                modes.Key = change.Add ? change.Parameter : null;
                effective = change.Add ? change : change with { Parameter = "*" };
                return ClusterError.None;
            case 'l':
                modes.Limit = change.Add ? int.Parse(change.Parameter!, CultureInfo.InvariantCulture) : null;
                effective = change.Add ? change : change with { Parameter = null };
                return ClusterError.None;
            case 'b':
                return ApplyBan(channel, actor, change, out effective);
            case 'o':
            case 'v':
                var subject = _sessionsByNick.GetValueOrDefault(Fold(change.Parameter!));
                var member = subject is null ? null : channel.Find(subject);
                if (member is null)
                {
                    return ClusterError.UserNotInChannel;
                }

                if (change.Mode == 'o')
                {
                    member.IsOperator = change.Add;
                }
                else
                {
                    member.IsVoiced = change.Add;
                }

                effective = change with { Parameter = subject!.Nick };
                return ClusterError.None;
            default:
                throw new ArgumentException($"Unknown channel mode '{change.Mode}'", nameof(change));
        }
    }

    private ClusterError ApplyBan(Channel channel, Session actor, ModeChange change, out ModeChange? effective)
    {
        var mask = change.Parameter!;
        var index = channel.Bans.FindIndex(b => _caseMapping.Equals(b.Mask, mask));
        effective = null;
        if (change.Add && index < 0)
        {
            if (channel.Bans.Count >= _options.Limits.MaxBansPerChannel)
            {
                return ClusterError.BanListFull;
            }

            channel.Bans.Add(new BanEntry(mask, actor.Mask, Now));
            effective = change;
        }
        else if (!change.Add && index >= 0)
        {
            channel.Bans.RemoveAt(index);
            effective = change;
        }

        return ClusterError.None;
    }

    private static ModeChange? Flip(bool current, ModeChange change, Action<bool> set)
    {
        if (current == change.Add)
        {
            return null;
        }

        set(change.Add);
        return change;
    }

    /// <summary>Compresses changes into MODE parameters: <c>+nt-k * </c> ...</summary>
    private static string[] Describe(IReadOnlyList<ModeChange> changes)
    {
        var flags = new System.Text.StringBuilder();
        var parameters = new List<string>();
        bool? adding = null;
        foreach (var change in changes)
        {
            if (adding != change.Add)
            {
                flags.Append(change.Add ? '+' : '-');
                adding = change.Add;
            }

            flags.Append(change.Mode);
            if (change.Parameter is not null)
            {
                parameters.Add(change.Parameter);
            }
        }

        return [flags.ToString(), .. parameters];
    }
}
