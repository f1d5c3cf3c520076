using ApartiumChat.Protocol;

namespace ApartiumChat.Client;

/// <summary>
/// Settings of one <see cref="HaClient"/>. The defaults suit a real network (a LAN or the
/// Internet); the scenario runner overrides the timing ones per scenario. Validated once,
/// when the client is built: every problem is reported at once.
/// </summary>
public sealed record HaClientOptions
{
    /// <summary>
    /// The defaults. Not valid on its own: <see cref="Servers"/> and <see cref="Nick"/> have no sensible default.
    /// </summary>
    public static HaClientOptions Default { get; } = new();

    /// <summary>The servers in priority order: the first is preferred. Ids must be unique. Required.</summary>
    public IReadOnlyList<ServerEntry> Servers { get; init; } = [];

    /// <summary>The nick to register with. Required.</summary>
    public string Nick { get; init; } = string.Empty;

    /// <summary>The user name (ident) sent with USER. Default: the nick.</summary>
    public string? UserName { get; init; }

    /// <summary>The real name sent with USER. Default: "ApartiumChat HA client".</summary>
    public string RealName { get; init; } = "ApartiumChat HA client";

    /// <summary>A server password sent with PASS, if the servers want one. Default none.</summary>
    public string? Password { get; init; }

    /// <summary>Channels to join and to keep across failovers. Default none.</summary>
    public IReadOnlyList<string> Channels { get; init; } = [];

    /// <summary>The client's name in events and logs. Default: the nick.</summary>
    public string? ClientId { get; init; }

    /// <summary>
    /// How often the client sends its own PING. Default 1 s: cheap (a few bytes each way), and
    /// with the timeout below it notices a silent server within about 4 s.
    /// </summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a PING of the client may stay unanswered before the server is declared dead.
    /// Must exceed <see cref="HeartbeatInterval"/>. Default 3 s: well above Internet round trips
    /// (and their jitter), well below what a user notices as "stuck".
    /// </summary>
    public TimeSpan HeartbeatTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Bound on one attempt at one server: connecting, negotiating, resuming or registering, and
    /// joining the channels. Default 5 s: a hung server accepts connections and then says
    /// nothing, so every attempt needs an end.
    /// </summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Backoff after a full pass over the list found no server: the first delay's scale.
    /// Default 250 ms, doubling each pass up to <see cref="ReconnectCap"/>.
    /// </summary>
    public TimeSpan ReconnectBase { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The longest backoff delay. Default 10 s: a returning server is found within seconds, not minutes.</summary>
    public TimeSpan ReconnectCap { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How backoff delays are spread, so that many clients do not retry in step. Default <see cref="JitterMode.Full"/>.</summary>
    public JitterMode ReconnectJitter { get; init; } = JitterMode.Full;

    /// <summary>Return to a higher-priority server once it has been healthy for <see cref="FailbackHoldDown"/>. Default on.</summary>
    public bool Failback { get; init; } = true;

    /// <summary>
    /// How long a preferred server must answer probes without a miss before the client moves back
    /// to it; also the least time between two moves (no flapping). Default 30 s.
    /// </summary>
    public TimeSpan FailbackHoldDown { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Most unacknowledged messages held; a send beyond it fails at once (<see cref="SendFailureReason.OutboxFull"/>). Default 1000.</summary>
    public int OutboxCapacity { get; init; } = 1000;

    /// <summary>How long a message may wait for its acknowledgement before the send fails. Default 60 s.</summary>
    public TimeSpan SendTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Most messages sent and not yet acknowledged on one connection. Default 1: a link that
    /// loses data mid-stream (a proxy dropping bytes while the connection stays open) cannot
    /// then deliver a later message ahead of a lost earlier one, so each sender's order holds;
    /// the cost is one message per round trip per client, plenty for chat. Raise it for
    /// throughput over long round trips when links never lose data silently.
    /// </summary>
    public int SendWindow { get; init; } = 1;

    /// <summary>
    /// How many recently delivered msgids the client remembers per channel or conversation, to
    /// deliver each exactly once where live traffic and history replay overlap. Default 512.
    /// </summary>
    public int DeduplicationWindow { get; init; } = 512;

    /// <summary>The client id used in events: <see cref="ClientId"/>, or the nick.</summary>
    public string EffectiveClientId => ClientId ?? Nick;

    /// <summary>Every problem with these options, or none.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        ValidateIdentity(problems);
        ValidateServers(problems);
        ValidateTiming(problems);
        if (OutboxCapacity < 1)
        {
            problems.Add($"{nameof(OutboxCapacity)} must be at least 1 (got {OutboxCapacity})");
        }

        if (SendWindow < 1)
        {
            problems.Add($"{nameof(SendWindow)} must be at least 1 (got {SendWindow})");
        }

        if (DeduplicationWindow < 1)
        {
            problems.Add($"{nameof(DeduplicationWindow)} must be at least 1 (got {DeduplicationWindow})");
        }

        return problems;
    }

    /// <exception cref="ArgumentException">Listing every problem, when there is one.</exception>
    public HaClientOptions ThrowIfInvalid()
    {
        var problems = Validate();
        return problems.Count == 0
            ? this
            : throw new ArgumentException("Invalid client options:\n  - " + string.Join("\n  - ", problems));
    }

    private void ValidateIdentity(List<string> problems)
    {
        if (!Nickname.IsValid(Nick))
        {
            problems.Add($"{nameof(Nick)} '{Nick}' is not a valid nick (a letter or one of []\\`_^{{|}} first, then letters, digits, those or '-'; at most {Nickname.DefaultMaxLength})");
        }

        if (UserName is { } user && (user.Length == 0 || user.Any(c => c is ' ' or '@' or '\r' or '\n' or '\0')))
        {
            problems.Add($"{nameof(UserName)} '{user}' must be one word without '@'");
        }

        if (RealName.Any(c => c is '\r' or '\n' or '\0'))
        {
            problems.Add($"{nameof(RealName)} must not contain line breaks");
        }

        if (Password is { } password && (password.Length == 0 || password.Any(c => c is ' ' or '\r' or '\n' or '\0')))
        {
            problems.Add($"{nameof(Password)} must be one word");
        }

        foreach (var channel in Channels)
        {
            if (!ChannelName.IsValid(channel))
            {
                problems.Add($"'{channel}' is not a valid channel name (# or & first, no spaces or commas, at most {ChannelName.DefaultMaxLength})");
            }
        }
    }

    private void ValidateServers(List<string> problems)
    {
        if (Servers.Count == 0)
        {
            problems.Add($"{nameof(Servers)} must list at least one server");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var server in Servers)
        {
            if (server is null || string.IsNullOrWhiteSpace(server.Id) || server.Address is null)
            {
                problems.Add("every server needs an id and an address");
                continue;
            }

            if (!ids.Add(server.Id))
            {
                problems.Add($"server id '{server.Id}' appears twice");
            }
        }
    }

    private void ValidateTiming(List<string> problems)
    {
        Positive(problems, nameof(HeartbeatInterval), HeartbeatInterval);
        Positive(problems, nameof(HeartbeatTimeout), HeartbeatTimeout);
        Positive(problems, nameof(ConnectTimeout), ConnectTimeout);
        Positive(problems, nameof(ReconnectBase), ReconnectBase);
        Positive(problems, nameof(ReconnectCap), ReconnectCap);
        Positive(problems, nameof(SendTimeout), SendTimeout);
        if (HeartbeatTimeout <= HeartbeatInterval)
        {
            problems.Add($"{nameof(HeartbeatTimeout)} ({HeartbeatTimeout}) must exceed {nameof(HeartbeatInterval)} ({HeartbeatInterval})");
        }

        if (ReconnectCap < ReconnectBase)
        {
            problems.Add($"{nameof(ReconnectCap)} ({ReconnectCap}) must not be below {nameof(ReconnectBase)} ({ReconnectBase})");
        }

        if (FailbackHoldDown < TimeSpan.Zero)
        {
            problems.Add($"{nameof(FailbackHoldDown)} must not be negative (got {FailbackHoldDown})");
        }

        if (!Enum.IsDefined(ReconnectJitter))
        {
            problems.Add($"{nameof(ReconnectJitter)} must be Full, Decorrelated or None (got {ReconnectJitter})");
        }
    }

    private static void Positive(List<string> problems, string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            problems.Add($"{name} must be positive (got {value})");
        }
    }
}
