using System.Globalization;
using ApartiumChat.Protocol;

namespace ApartiumChat.Client.Connection;

/// <summary>
/// Everything between "connected" and "registered with nick and channels", as one
/// conversation bounded by the connect timeout. It is pipelined: a resume on a server that
/// grants what the client asks takes one round trip, a fresh registration two.
/// <code>
///   PASS?  CAP LS 302  CAP REQ :wanted  (HA RESUME token | NICK USER)  CAP END
///   &lt;- LS, ACK (-> JOIN ...) | NAK, HA RESUMED | FAIL HA (-> NICK USER), 001 .. 005 .. MOTD
///      [.. JOIN/NAMES of a resumed session] .. HA TOKEN (with ha) | 376/422
///   JOIN the channels still missing, PART the ones no longer wanted; wait for each answer
/// </code>
/// A server without some capability NAKs the whole request; the client then asks for what
/// it offered. One without CAP at all answers 421 and registers plainly. Messages that belong
/// to normal operation (chat arriving while channels are joined) are kept, in order, for the
/// client to handle once the connection is live.
/// </summary>
internal sealed class RegistrationHandshake
{
    // Replies that end a JOIN with a refusal; the channel is their second parameter.
    private static readonly HashSet<string> JoinRefusals = ["403", "405", "437", "471", "473", "474", "475", "476", "477"];

    private static readonly string AllWanted = string.Join(' ', ServerCapabilityNames.Wanted.Select(w => w.Name));

    private readonly ServerConnection _connection;
    private readonly HandshakeRequest _request;
    private readonly TimeProvider _time;
    private readonly HandshakeResult _result = new();
    private readonly Dictionary<string, string?> _pendingJoins = new(StringComparer.Ordinal); // folded name -> label
    private List<string> _offered = [];
    private bool _registered;

    private RegistrationHandshake(ServerConnection connection, HandshakeRequest request, TimeProvider time)
    {
        _connection = connection;
        _request = request;
        _time = time;
    }

    /// <exception cref="HandshakeFailedException">The server refused, closed, or said something that ends the attempt.</exception>
    /// <exception cref="OperationCanceledException">The connect timeout (or the client's stop) ended the attempt.</exception>
    /// <exception cref="IOException">The connection failed.</exception>
    public static Task<HandshakeResult> RunAsync(ServerConnection connection, HandshakeRequest request, TimeProvider time, CancellationToken cancellationToken) =>
        new RegistrationHandshake(connection, request, time).RunAsync(cancellationToken);

    private async Task<HandshakeResult> RunAsync(CancellationToken cancellationToken)
    {
        if (_request.Password is { } password)
        {
            _connection.Send(new IrcMessage(IrcCommands.Pass, password));
        }

        _connection.Send(new IrcMessage(IrcCommands.Cap, "LS", "302"));
        _connection.Send(new IrcMessage(IrcCommands.Cap, "REQ", AllWanted));
        if (_request.ResumeToken is { } token)
        {
            _request.BeforeResume?.Invoke();
            _connection.Send(new IrcMessage(IrcCommands.Ha, HaSubcommands.Resume, token));
        }
        else
        {
            SendIdentity();
        }

        _connection.Send(new IrcMessage(IrcCommands.Cap, "END"));

        await AwaitWelcomeAsync(cancellationToken);
        await ReconcileChannelsAsync(cancellationToken);
        return _result;
    }

    private void SendIdentity()
    {
        _connection.Send(new IrcMessage(IrcCommands.Nick, _request.Nick));
        _connection.Send(new IrcMessage(IrcCommands.User, _request.User, "0", "*", _request.RealName));
    }

    private void JoinOnce(string channel, string? label)
    {
        if (_pendingJoins.TryAdd(Fold(channel), label))
        {
            var join = new IrcMessage(IrcCommands.Join, channel);
            _connection.Send(label is null ? join : join.WithTag(IrcTagNames.Label, label));
        }
    }

    private async Task AwaitWelcomeAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var message = await NextAsync(cancellationToken);
            switch (message.Command)
            {
                case IrcCommands.Cap:
                    OnCap(message);
                    break;
                case IrcCommands.Ha when string.Equals(message.Param(0), HaSubcommands.Resumed, StringComparison.OrdinalIgnoreCase):
                    _result.Resumed = true;
                    break;
                case IrcCommands.Fail when string.Equals(message.Param(0), IrcCommands.Ha, StringComparison.OrdinalIgnoreCase) && !_registered:
                    OnResumeRefused($"{message.Param(1)}: {message.LastParam}");
                    break;
                case IrcNumerics.ErrUnknownCommand when string.Equals(message.Param(1), IrcCommands.Ha, StringComparison.OrdinalIgnoreCase) && !_registered:
                    OnResumeRefused("the server does not support resume");
                    break;
                case IrcNumerics.RplWelcome:
                    _registered = true;
                    _result.Nick = message.Param(0) ?? _request.Nick;
                    _result.ServerName = message.Source;
                    break;
                case IrcNumerics.RplISupport:
                    ReadISupport(message);
                    break;
                case IrcNumerics.ErrNicknameInUse or IrcNumerics.ErrNickCollision when !_registered:
                    throw new HandshakeFailedException(ConnectFailure.NickInUse, $"nick {_request.Nick} is already in use") { ResumeRefusal = _result.ResumeRefusal };
                case IrcNumerics.ErrErroneusNickname or IrcNumerics.ErrPasswdMismatch or IrcNumerics.ErrYoureBannedCreep when !_registered:
                    throw new HandshakeFailedException(ConnectFailure.Refusal, $"{message.Command} {message.LastParam}") { ResumeRefusal = _result.ResumeRefusal };
                case IrcNumerics.RplEndOfMotd or IrcNumerics.ErrNoMotd when _registered && !_connection.Has(ServerCapabilities.Ha):
                    return;
                case IrcCommands.Ha when _registered && string.Equals(message.Param(0), HaSubcommands.Token, StringComparison.OrdinalIgnoreCase):
                    _result.Token = message.Param(1);
                    return;
                case IrcCommands.Join when _registered && IsMe(message.Source):
                    OnJoined(message);
                    break;
                default:
                    if (!OnJoinAnswer(message))
                    {
                        KeepIfChat(message);
                    }

                    break;
            }
        }
    }

    private void OnCap(IrcMessage message)
    {
        var subcommand = message.Param(1)?.ToUpperInvariant();
        var list = (message.LastParam ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        switch (subcommand)
        {
            case "LS":
                _offered.AddRange(list);
                break;
            case "ACK":
                var granted = ServerCapabilityNames.Parse(list);
                _connection.Capabilities |= _registered ? granted & ~ServerCapabilities.Ha : granted; // too late for an HA session
                if (!_registered && _request.ResumeToken is null)
                {
                    // An IRCv3 server holds registration until CAP END, which is already on its
                    // way: JOINs sent now come after it. (Servers without CAP get them after 001:
                    // some refuse commands while they still look up ident and DNS.)
                    JoinMissing();
                }

                break;
            case "NAK":
                // All or nothing: ask again for what this server offers, if anything. On a server
                // that registers us first, the capabilities come too late for a resume: plain IRC.
                var offered = ServerCapabilityNames.Parse(_offered);
                _offered = [];
                if (offered != ServerCapabilities.None && list.Length == ServerCapabilityNames.Wanted.Count)
                {
                    _connection.Send(new IrcMessage(IrcCommands.Cap, "REQ", string.Join(' ', ServerCapabilityNames.Names(offered))));
                }

                break;
        }
    }

    private void OnResumeRefused(string reason)
    {
        if (_result.ResumeRefusal is not null || _result.Resumed)
        {
            return;
        }

        _result.ResumeRefusal = reason;
        if (!_request.MayRegisterAfterRefusal)
        {
            throw new HandshakeFailedException(ConnectFailure.Refusal, "resume refused (" + reason + ")") { ResumeRefusal = reason };
        }

        SendIdentity(); // CAP END already went out: NICK and USER complete the registration
    }

    private async Task ReconcileChannelsAsync(CancellationToken cancellationToken)
    {
        JoinMissing();

        foreach (var extra in _result.Channels.Where(c => !_request.Channels.Any(w => SameName(w, c.Name))).ToList())
        {
            _connection.Send(new IrcMessage(IrcCommands.Part, extra.Name));
            _result.Channels.Remove(extra);
        }

        while (_pendingJoins.Count > 0)
        {
            var message = await NextAsync(cancellationToken);
            if (message.IsCommand(IrcCommands.Join) && IsMe(message.Source))
            {
                OnJoined(message);
            }
            else if (!OnJoinAnswer(message))
            {
                KeepIfChat(message);
            }
        }
    }

    private void JoinMissing()
    {
        var labels = _connection.Has(ServerCapabilities.LabeledResponse);
        foreach (var channel in _request.Channels)
        {
            if (!_result.Channels.Exists(c => SameName(c.Name, channel)))
            {
                JoinOnce(channel, labels ? "j" + _pendingJoins.Count.ToString(CultureInfo.InvariantCulture) : null);
            }
        }
    }

    /// <summary>The end of a JOIN: its names list, a refusal, or (labeled) ACK for a channel the session was in already.</summary>
    private bool OnJoinAnswer(IrcMessage message)
    {
        if (message.Command == IrcNumerics.RplEndOfNames && message.Param(1) is { } joined)
        {
            _pendingJoins.Remove(Fold(joined));
            return true;
        }

        if (JoinRefusals.Contains(message.Command) && message.Param(1) is { } refused && _pendingJoins.Remove(Fold(refused)))
        {
            _result.JoinFailures.Add((refused, $"{message.Command} {message.LastParam}"));
            return true;
        }

        if (message.IsCommand(IrcCommands.Ack) && message.GetTag(IrcTagNames.Label) is { } label)
        {
            foreach (var key in _pendingJoins.Where(p => p.Value == label).Select(p => p.Key).ToList())
            {
                _pendingJoins.Remove(key);
            }

            return true;
        }

        return false;
    }

    private async Task<IrcMessage> NextAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var message = await _connection.ReadAsync(cancellationToken)
                ?? throw new HandshakeFailedException(ConnectFailure.Closed, _connection.LastError is { } error ? "closed: " + error : "the connection was closed");
            if (message.IsCommand(IrcCommands.Ping))
            {
                _connection.Send(new IrcMessage(IrcCommands.Pong, message.Param(0) ?? "*"));
                continue;
            }

            if (message.IsCommand(IrcCommands.Error))
            {
                _connection.LastError = message.LastParam;
                throw new HandshakeFailedException(ConnectFailure.Closed, "ERROR " + message.LastParam);
            }

            return message;
        }
    }

    private void OnJoined(IrcMessage message)
    {
        var name = message.Param(0) ?? string.Empty;
        _result.OwnSource = message.Source;
        if (!_result.Channels.Exists(c => SameName(c.Name, name)))
        {
            _result.Channels.Add(new JoinedChannel(name, MessageTime(message)));
        }
    }

    private DateTimeOffset MessageTime(IrcMessage message) =>
        message.GetTag(IrcTagNames.Time) is { } text && ServerTime.TryParse(text, out var time) ? time : _time.GetUtcNow();

    /// <summary>Chat that arrives once channels are joined is the application's: keep it for later.</summary>
    private void KeepIfChat(IrcMessage message)
    {
        if (message.Command is IrcCommands.Privmsg or IrcCommands.Notice or IrcCommands.Batch or IrcCommands.Join or IrcCommands.Part
            or IrcCommands.Kick or IrcCommands.Nick or IrcCommands.Quit)
        {
            _result.Deferred.Add(message);
        }
    }

    private void ReadISupport(IrcMessage message)
    {
        foreach (var token in message.Params.Skip(1).Take(message.Params.Length - 2))
        {
            if (token.StartsWith("CHATHISTORY=", StringComparison.Ordinal)
                && int.TryParse(token.AsSpan("CHATHISTORY=".Length), NumberStyles.None, CultureInfo.InvariantCulture, out var limit))
            {
                _connection.HistoryPageSize = limit > 0 ? limit : 1000; // 0: no limit; ask for pages of 1000
            }
        }
    }

    private bool IsMe(string? source) =>
        source is not null && SameName(IrcSource.NickOf(source).ToString(), _result.Nick ?? _request.Nick);

    private static string Fold(string name) => IrcCaseMapping.Rfc1459.Fold(name);

    private static bool SameName(string a, string b) => string.Equals(Fold(a), Fold(b), StringComparison.Ordinal);
}
