using System.Globalization;
using ApartiumChat.Protocol;

namespace ApartiumChat.Client.Connection;

/// <summary>
/// Everything between "connected" and "registered with nick and channels", as one
/// conversation bounded by the connect timeout:
/// <code>
///   PASS?  CAP LS 302 -> LS     CAP REQ -> ACK|NAK
///   HA RESUME token   -> HA RESUMED | FAIL HA ...          (with apartium.chat/ha and a token)
///   NICK, USER        (unless resumed)     CAP END
///   001 .. 005 .. MOTD [.. JOIN/NAMES of a resumed session] .. HA TOKEN (with ha) | 376/422
///   JOIN the channels still missing, PART the ones no longer wanted; wait for each answer
/// </code>
/// Messages that belong to normal operation (chat arriving while channels are joined) are
/// kept, in order, for the client to handle once the connection is live.
/// </summary>
internal sealed class RegistrationHandshake
{
    // Replies that end a JOIN with a refusal; the channel is their second parameter.
    private static readonly HashSet<string> JoinRefusals = ["403", "405", "437", "471", "473", "474", "475", "476", "477"];

    private readonly ServerConnection _connection;
    private readonly HandshakeRequest _request;
    private readonly TimeProvider _time;
    private readonly HandshakeResult _result = new();
    private bool _capNegotiated;

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

        await NegotiateCapabilitiesAsync(cancellationToken);
        if (_connection.Has(ServerCapabilities.Ha) && _request.ResumeToken is { } token)
        {
            await ResumeAsync(token, cancellationToken);
        }

        if (!_result.Resumed)
        {
            _connection.Send(new IrcMessage(IrcCommands.Nick, _request.Nick));
            _connection.Send(new IrcMessage(IrcCommands.User, _request.User, "0", "*", _request.RealName));
        }

        if (_capNegotiated)
        {
            _connection.Send(new IrcMessage(IrcCommands.Cap, "END"));
        }

        await AwaitWelcomeAsync(cancellationToken);
        await ReconcileChannelsAsync(cancellationToken);
        return _result;
    }

    private async Task NegotiateCapabilitiesAsync(CancellationToken cancellationToken)
    {
        _connection.Send(new IrcMessage(IrcCommands.Cap, "LS", "302"));
        var offered = new List<string>();
        while (true)
        {
            var message = await NextAsync(cancellationToken);
            if (message.Command is IrcNumerics.ErrUnknownCommand or IrcNumerics.ErrNotRegistered)
            {
                return; // no IRCv3 capabilities here: plain registration
            }

            if (message.IsCommand(IrcCommands.Cap) && string.Equals(message.Param(1), "LS", StringComparison.OrdinalIgnoreCase))
            {
                offered.AddRange((message.LastParam ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries));
                if (message.Params.Length >= 4 && message.Param(2) == "*")
                {
                    continue; // more LS lines follow
                }

                break;
            }
        }

        _capNegotiated = true;
        var wanted = ServerCapabilityNames.Parse(offered);
        if (wanted == ServerCapabilities.None)
        {
            return;
        }

        _connection.Send(new IrcMessage(IrcCommands.Cap, "REQ", string.Join(' ', ServerCapabilityNames.Names(wanted))));
        while (true)
        {
            var message = await NextAsync(cancellationToken);
            if (!message.IsCommand(IrcCommands.Cap))
            {
                continue;
            }

            if (string.Equals(message.Param(1), "ACK", StringComparison.OrdinalIgnoreCase))
            {
                _connection.Capabilities = ServerCapabilityNames.Parse((message.LastParam ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries));
                return;
            }

            if (string.Equals(message.Param(1), "NAK", StringComparison.OrdinalIgnoreCase))
            {
                return; // all or nothing: carry on without
            }
        }
    }

    private async Task ResumeAsync(string token, CancellationToken cancellationToken)
    {
        _request.BeforeResume?.Invoke();
        _connection.Send(new IrcMessage(IrcCommands.Ha, HaSubcommands.Resume, token));
        while (true)
        {
            var message = await NextAsync(cancellationToken);
            if (message.IsCommand(IrcCommands.Ha) && string.Equals(message.Param(0), HaSubcommands.Resumed, StringComparison.OrdinalIgnoreCase))
            {
                _result.Resumed = true;
                return;
            }

            if (message.IsCommand(IrcCommands.Fail) && string.Equals(message.Param(0), IrcCommands.Ha, StringComparison.OrdinalIgnoreCase))
            {
                _result.ResumeRefusal = $"{message.Param(1)}: {message.LastParam}";
                if (!_request.MayRegisterAfterRefusal)
                {
                    throw new HandshakeFailedException(ConnectFailure.Refusal, "resume refused (" + _result.ResumeRefusal + ")");
                }

                return;
            }
        }
    }

    private async Task AwaitWelcomeAsync(CancellationToken cancellationToken)
    {
        var registered = false;
        while (true)
        {
            var message = await NextAsync(cancellationToken);
            switch (message.Command)
            {
                case IrcNumerics.RplWelcome:
                    registered = true;
                    _result.Nick = message.Param(0) ?? _request.Nick;
                    _result.ServerName = message.Source;
                    break;
                case IrcNumerics.RplISupport:
                    ReadISupport(message);
                    break;
                case IrcNumerics.ErrNicknameInUse or IrcNumerics.ErrNickCollision when !registered:
                    throw new HandshakeFailedException(ConnectFailure.NickInUse, $"nick {_request.Nick} is already in use");
                case IrcNumerics.ErrErroneusNickname or IrcNumerics.ErrPasswdMismatch or IrcNumerics.ErrYoureBannedCreep when !registered:
                    throw new HandshakeFailedException(ConnectFailure.Refusal, $"{message.Command} {message.LastParam}");
                case IrcNumerics.RplEndOfMotd or IrcNumerics.ErrNoMotd when registered && !_connection.Has(ServerCapabilities.Ha):
                    return;
                case IrcCommands.Ha when registered && string.Equals(message.Param(0), HaSubcommands.Token, StringComparison.OrdinalIgnoreCase):
                    _result.Token = message.Param(1);
                    return;
                case IrcCommands.Join when registered && IsMe(message.Source):
                    OnJoined(message);
                    break;
                default:
                    KeepIfChat(message);
                    break;
            }
        }
    }

    private async Task ReconcileChannelsAsync(CancellationToken cancellationToken)
    {
        var pending = new Dictionary<string, string>(StringComparer.Ordinal); // folded name -> label
        var labels = _connection.Has(ServerCapabilities.LabeledResponse);
        foreach (var channel in _request.Channels)
        {
            if (_result.Channels.Exists(c => SameName(c.Name, channel)) || pending.ContainsKey(Fold(channel)))
            {
                continue;
            }

            var label = "j" + pending.Count.ToString(CultureInfo.InvariantCulture);
            var join = new IrcMessage(IrcCommands.Join, channel);
            _connection.Send(labels ? join.WithTag(IrcTagNames.Label, label) : join);
            pending.Add(Fold(channel), label);
        }

        foreach (var extra in _result.Channels.Where(c => !_request.Channels.Any(w => SameName(w, c.Name))).ToList())
        {
            _connection.Send(new IrcMessage(IrcCommands.Part, extra.Name));
            _result.Channels.Remove(extra);
        }

        while (pending.Count > 0)
        {
            var message = await NextAsync(cancellationToken);
            if (message.IsCommand(IrcCommands.Join) && IsMe(message.Source))
            {
                OnJoined(message);
            }
            else if (message.Command == IrcNumerics.RplEndOfNames && message.Param(1) is { } joined)
            {
                pending.Remove(Fold(joined));
            }
            else if (JoinRefusals.Contains(message.Command) && message.Param(1) is { } refused && pending.Remove(Fold(refused)))
            {
                _result.JoinFailures.Add((refused, $"{message.Command} {message.LastParam}"));
            }
            else if (message.IsCommand(IrcCommands.Ack) && message.GetTag(IrcTagNames.Label) is { } label)
            {
                foreach (var (key, value) in pending.Where(p => p.Value == label).ToList())
                {
                    pending.Remove(key); // the server had nothing to say: already there
                }
            }
            else
            {
                KeepIfChat(message);
            }
        }
    }

    private async Task<IrcMessage> NextAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var message = await _connection.ReadAsync(cancellationToken)
                ?? throw new HandshakeFailedException(ConnectFailure.Closed, _connection.LastError is { } error ? "closed: " + error : "closed by the server");
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
