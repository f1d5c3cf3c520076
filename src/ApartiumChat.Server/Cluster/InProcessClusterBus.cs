using ApartiumChat.Protocol;
using ApartiumChat.Server.Ha;
using ApartiumChat.Server.History;
using ApartiumChat.Server.Messages;
using ApartiumChat.Server.Options;

namespace ApartiumChat.Server.Cluster;

/// <summary>
/// The embedded cluster: every server node in this process shares this one state.
/// </summary>
/// <remarks>
/// One lock guards everything. Operations are short (dictionary work and queueing on
/// endpoints, never I/O), so one lock costs little and makes every operation atomic, with a
/// single order of events that all members and the history share. Endpoints only queue
/// (see <see cref="ISessionEndpoint"/>), so a stalled client or a hung node cannot hold the
/// lock.
/// </remarks>
public sealed partial class InProcessClusterBus : IClusterBus
{
    private readonly Lock _gate = new();
    private readonly IrcServerOptions _options;
    private readonly TimeProvider _time;
    private readonly IdGenerator _ids;
    private readonly IrcCaseMapping _caseMapping;
    private readonly Dictionary<string, Session> _sessionsByNick = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Session> _sessionsByToken = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Channel> _channels = new(StringComparer.Ordinal);
    private readonly Dictionary<(long, long), HistoryLog> _conversations = [];
    private long _nextSessionId;

    /// <param name="options">Cluster-wide settings: case mapping, history, HA retention and channel limits.</param>
    /// <param name="time">The clock for message times and session expiry.</param>
    /// <param name="random">Source of msgids and resume tokens: <see cref="ApartiumChat.Transport.SecureRandom"/> in real runs.</param>
    public InProcessClusterBus(IrcServerOptions options, TimeProvider time, Random random)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.ThrowIfInvalid();
        _time = time;
        _ids = new IdGenerator(random);
        _caseMapping = IrcCaseMapping.FromName(options.CaseMapping);
    }

    /// <summary>The case mapping every name comparison in the cluster uses.</summary>
    public IrcCaseMapping CaseMapping => _caseMapping;

    public bool IsNickAvailable(string nick)
    {
        lock (_gate)
        {
            return !_sessionsByNick.ContainsKey(Fold(nick));
        }
    }

    public (int Users, int Detached, int Channels) Counts()
    {
        lock (_gate)
        {
            var detached = _sessionsByNick.Values.Count(s => !s.IsAttached);
            return (_sessionsByNick.Count, detached, _channels.Count);
        }
    }

    private string Fold(string name) => _caseMapping.Fold(name);

    private DateTimeOffset Now => _time.GetUtcNow();

    private OutboundMessage Event(Session origin, string command, params string[] parameters) =>
        new(origin.Mask, command, parameters, Now, originSessionId: origin.Id);

    /// <summary>Queues a message for every member of each channel, each session once, in join order.</summary>
    private static void DeliverToPeers(IEnumerable<Channel> channels, OutboundMessage message, Session? alsoTo, Session? except = null)
    {
        var seen = new HashSet<long>();
        if (alsoTo is not null && seen.Add(alsoTo.Id))
        {
            alsoTo.Deliver(message);
        }

        foreach (var channel in channels)
        {
            foreach (var member in channel.Members)
            {
                if (member.Session != except && seen.Add(member.Session.Id))
                {
                    member.Session.Deliver(message);
                }
            }
        }
    }
}
