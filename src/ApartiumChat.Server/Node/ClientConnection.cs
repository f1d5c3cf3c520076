using System.Net;
using System.Security.Cryptography.X509Certificates;
using ApartiumChat.Protocol;
using ApartiumChat.Server.Cluster;
using ApartiumChat.Server.Diagnostics;
using ApartiumChat.Server.Messages;
using ApartiumChat.Transport;
using ApartiumChat.Transport.Tls;

namespace ApartiumChat.Server.Node;

/// <summary>
/// One client connection on a node: reads and handles its commands, writes what it is sent,
/// and carries its session (once registered) as the session's <see cref="ISessionEndpoint"/>.
/// </summary>
/// <remarks>
/// <code>
///   transport.Input --read loop--> framing -> parse -> command handlers -> cluster
///   cluster/handlers --Deliver/Send--> send queue (bounded) --writer loop--> transport.Output
/// </code>
/// Handlers run one at a time on the read loop; other connections only ever touch the send
/// queue (thread-safe, never blocking), so nothing a client does can stall another.
/// </remarks>
internal sealed partial class ClientConnection : ISessionEndpoint
{
    private readonly IrcServer _server;
    private readonly IConnection _connection;
    private readonly X509Certificate2? _certificate;
    private IConnection _transport;
    private Task _completion = Task.CompletedTask;
    private string _closeReason = "Connection closed";

    public ClientConnection(IrcServer server, IConnection connection, X509Certificate2? certificate)
    {
        _server = server;
        _connection = connection;
        _transport = connection;
        _certificate = certificate;
        Host = HostOf(connection.RemoteEndPoint);
        _lines = new IrcLineReader(server.LineLimits);
    }

    public long Id => _connection.Id;

    public string ServerName => _server.Name;

    public IrcServer Server => _server;

    public IClusterBus Cluster => _server.Cluster;

    /// <summary>The client's host as other users see it.</summary>
    public string Host { get; }

    public Session? Session { get; private set; }

    public ClientCapabilities Capabilities { get; private set; }

    public bool IsRegistered => _phase == Phase.Registered;

    /// <summary>The nick to address numerics to: the session's, the one being registered, or <c>*</c>.</summary>
    public string Target => Session?.Nick ?? _pendingNick ?? "*";

    /// <summary>Completes when the connection is fully closed.</summary>
    public Task Completion => _completion;

    public void Start() => _completion = RunAsync();

    /// <summary>Resets the connection (a crash): the peer sees a RST.</summary>
    public void Abort()
    {
        _closeReason = "Connection reset (server crashed)";
        _connection.Abort();
    }

    public void Deliver(OutboundMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (HoldWhileRegistering(message))
        {
            return;
        }

        // Our own actions (JOIN, NICK, ...) belong to the response of the command being handled.
        var line = message.EncodedFor(Capabilities);
        if (message.OriginSessionId != 0 && message.OriginSessionId == Session?.Id && TryCollect(line))
        {
            return;
        }

        Enqueue(line);
    }

    public void TakenOver() => RequestClose("Session resumed on another connection", "taken over");

    private async Task RunAsync()
    {
        try
        {
            if (_certificate is not null && !await TryStartTlsAsync(_certificate))
            {
                return;
            }

            _writing = WriteLoopAsync();
            ArmLiveness();

            // The read loop, inline: one parked state machine per idle connection, not two.
            var input = _transport.Transport.Input;
            while (!_closeRequested)
            {
                var result = await input.ReadAsync();
                await _server.Gate.WaitAsync();
                var buffer = result.Buffer;
                var throttleWake = TakeThrottleWake(result);
                if (_closeRequested || (result.IsCanceled && !throttleWake))
                {
                    input.AdvanceTo(buffer.Start); // a close, or the writer found the connection dead
                    return;
                }

                if (_throttled && !throttleWake)
                {
                    // More bytes while throttled: a flooder that keeps sending is dropped at the bound.
                    if (!KeepThrottled(input, buffer))
                    {
                        return;
                    }

                    if (result.IsCompleted)
                    {
                        await Task.Delay(_throttledFor, _server.Time); // nothing more will come to wake the read
                    }

                    continue;
                }

                _throttled = false;
                Heard();
                var throttledFor = HandleLines(ref buffer);
                if (throttledFor > TimeSpan.Zero)
                {
                    // Keep the unread lines; look again once the bucket has refilled.
                    Throttle(throttledFor);
                    if (!KeepThrottled(input, buffer))
                    {
                        return;
                    }

                    continue;
                }

                input.AdvanceTo(buffer.Start, buffer.End);
                if (result.IsCompleted)
                {
                    _closeReason = Session is null ? "Closed before registering" : "Connection closed by client";
                    return;
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
            _closeReason = e is ConnectionResetException ? "Connection reset by peer" : "Connection error";
        }
        finally
        {
            await CloseAsync();
        }
    }

    private async Task<bool> TryStartTlsAsync(X509Certificate2 certificate)
    {
        using var timeout = new CancellationTokenSource(_server.Options.Limits.RegistrationTimeout, _server.Time);
        try
        {
            _transport = await TlsConnection.AuthenticateAsServerAsync(_connection, certificate, timeout.Token);
            return true;
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or System.Security.Authentication.AuthenticationException)
        {
            ServerLog.TlsFailed(_server.Logger, Id, e.Message);
            _closeReason = "TLS handshake failed";
            return false;
        }
    }

    private async Task CloseAsync()
    {
        DisarmLiveness();
        _throttleTimer?.Dispose();
        if (Session is { } session)
        {
            _server.Cluster.ConnectionLost(session, this, _closeReason);
        }

        _queue.Complete();
        await DrainWriterAsync();
        try
        {
            await _transport.DisposeAsync();
        }
        catch (IOException)
        {
            // Gone already.
        }

        _server.Metrics.ConnectionClosed(_closeReason);
        ServerLog.Closed(_server.Logger, Id, _closeReason);
        _server.Remove(this);
    }

    private static string HostOf(EndPoint endPoint)
    {
        var host = endPoint switch
        {
            IPEndPoint ip => (ip.Address.IsIPv4MappedToIPv6 ? ip.Address.MapToIPv4() : ip.Address).ToString(),
            DnsEndPoint dns => dns.Host,
            _ => "unknown",
        };

        // A host that starts with ':' (IPv6 "::1") would break parameters that carry it.
        return host.StartsWith(':') ? "0" + host : host;
    }
}
