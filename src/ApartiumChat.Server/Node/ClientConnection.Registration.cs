using System.Globalization;
using ApartiumChat.Protocol;
using ApartiumChat.Server.Cluster;
using ApartiumChat.Server.Commands;
using ApartiumChat.Server.Diagnostics;
using ApartiumChat.Server.Messages;

namespace ApartiumChat.Server.Node;

/// <summary>
/// Registration: PASS, NICK, USER and CAP negotiation (which holds registration until
/// CAP END), or HA RESUME, which takes over an existing session instead.
/// </summary>
internal sealed partial class ClientConnection
{
    private readonly Lock _registrationLock = new();
    private Phase _phase = Phase.Registering;
    private string? _pendingNick;
    private string? _pendingUser;
    private string? _pendingRealName;
    private string? _givenPassword;
    private bool _capNegotiating;
    private ResumeResult? _resumed;
    private List<OutboundMessage>? _held;

    private enum Phase
    {
        Registering,
        Registered,
    }

    public void SetPassword(string password) => _givenPassword = password;

    public void SetPendingNick(string nick)
    {
        _pendingNick = nick;
        TryCompleteRegistration();
    }

    public void SetPendingUser(string user, string realName)
    {
        _pendingUser = user;
        _pendingRealName = realName;
        TryCompleteRegistration();
    }

    public void BeginCapNegotiation() => _capNegotiating = IsRegistered ? _capNegotiating : true;

    public void EndCapNegotiation()
    {
        _capNegotiating = false;
        TryCompleteRegistration();
    }

    public void EnableCapabilities(ClientCapabilities enable, ClientCapabilities disable) =>
        Capabilities = (Capabilities | enable) & ~disable;

    /// <summary>HA RESUME: takes the session over; the welcome follows at CAP END.</summary>
    public bool TryResume(string token)
    {
        HoldDeliveries();
        var result = _server.Cluster.Resume(token, this);
        if (result is null)
        {
            ReleaseDeliveries();
            return false;
        }

        _resumed = result;
        Session = result.Session;
        _server.Metrics.Resumed();
        ServerLog.Resumed(_server.Logger, Id, result.Session.Nick);
        return true;
    }

    /// <summary>Messages for a resumed session wait until its welcome has been sent.</summary>
    private bool HoldWhileRegistering(OutboundMessage message)
    {
        lock (_registrationLock)
        {
            if (_held is null)
            {
                return false;
            }

            _held.Add(message);
            return true;
        }
    }

    private void TryCompleteRegistration()
    {
        if (IsRegistered || _capNegotiating)
        {
            return;
        }

        if (_resumed is { } resumed)
        {
            CompleteResume(resumed);
            return;
        }

        if (_pendingNick is null || _pendingUser is null)
        {
            return;
        }

        if (_server.Options.Password is { } password && !string.Equals(password, _givenPassword, StringComparison.Ordinal))
        {
            Reply(IrcNumerics.ErrPasswdMismatch, "Password incorrect");
            RequestClose("Bad password", "bad password");
            return;
        }

        var request = new RegistrationRequest(_pendingNick, _pendingUser, Host, _pendingRealName ?? string.Empty, Capabilities.HasFlag(ClientCapabilities.Ha));
        HoldDeliveries();
        var (session, token, error) = _server.Cluster.Register(request, this);
        if (error == ClusterError.NickInUse || session is null)
        {
            ReleaseDeliveries();
            Reply(IrcNumerics.ErrNicknameInUse, _pendingNick, "Nickname is already in use");
            _pendingNick = null;
            return;
        }

        Session = session;
        _phase = Phase.Registered;
        _server.Metrics.Registered();
        ServerLog.Registered(_server.Logger, Id, session.Nick);
        SendWelcome();
        if (token is not null)
        {
            SendFromServer(IrcCommands.Ha, HaSubcommands.Token, token);
        }

        ReleaseDeliveries();
    }

    private void CompleteResume(ResumeResult resumed)
    {
        _phase = Phase.Registered;
        _resumed = null;
        SendWelcome();
        var session = resumed.Session;
        foreach (var channel in resumed.Channels)
        {
            Send(new IrcMessage(IrcCommands.Join, channel.Name) { Source = session.Mask });
            Replies.SendTopicIfSet(this, channel);
            Replies.SendNames(this, channel);
        }

        SendFromServer(IrcCommands.Ha, HaSubcommands.Token, resumed.NewToken);
        ReleaseDeliveries();
    }

    // Between joining the cluster and sending the welcome, deliveries wait: a client must
    // not see chat before its 001.
    private void HoldDeliveries()
    {
        lock (_registrationLock)
        {
            _held ??= [];
        }
    }

    private void ReleaseDeliveries()
    {
        // Under the lock, so a delivery racing in from another node cannot overtake the held ones.
        lock (_registrationLock)
        {
            var held = _held ?? [];
            _held = null;
            held.ForEach(Deliver);
        }
    }

    private void SendWelcome()
    {
        var session = Session!;
        var options = _server.Options;
        Reply(IrcNumerics.RplWelcome, $"Welcome to the {options.NetworkName} Network, {session.Mask}");
        Reply(IrcNumerics.RplYourHost, $"Your host is {_server.Name}, running version {ServerVersion.Current}");
        Reply(IrcNumerics.RplCreated, $"This server was created {_server.Created.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)}");
        Reply(IrcNumerics.RplMyInfo, _server.Name, ServerVersion.Current, "i", "bklmnotv", "bklov");
        Replies.SendISupport(this);
        Replies.SendLusers(this);
        Replies.SendMotd(this);

        // The welcome is the biggest burst most clients ever get; many then sit idle for hours.
        _queue.ShrinkWhenDrained();
    }
}
