using System.Globalization;
using ApartiumChat.Protocol;

namespace ApartiumChat.Server.Node;

/// <summary>
/// Liveness: a connection must register within <c>RegistrationTimeout</c>; a registered
/// client silent for <c>PingInterval</c> is sent a PING, and dropped if it stays silent for
/// <c>PingTimeout</c> more, which frees its nick (or detaches its HA session).
/// </summary>
/// <remarks>
/// One timer per connection, re-armed only when it fires (not on every line), so a busy
/// client costs no timer work and virtual time stays cheap.
/// </remarks>
internal sealed partial class ClientConnection
{
    private ITimer? _liveness;
    private long _lastHeard;
    private long _pingSentAt;
    private long _connectedAt;

    /// <summary>Called on every read: the client is alive.</summary>
    private void Heard()
    {
        Volatile.Write(ref _lastHeard, _server.Time.GetTimestamp());
        Volatile.Write(ref _pingSentAt, 0);
    }

    private void ArmLiveness()
    {
        _connectedAt = _server.Time.GetTimestamp();
        Heard();
        _liveness = _server.Time.CreateTimer(static s => ((ClientConnection)s!).CheckLiveness(), this, _server.Options.Limits.RegistrationTimeout, Timeout.InfiniteTimeSpan);
    }

    private void DisarmLiveness()
    {
        _liveness?.Dispose();
    }

    /// <summary>After a hang the silence was the node's, not the client's: start counting again.</summary>
    public void OnUnhang() => Heard();

    private void CheckLiveness()
    {
        var time = _server.Time;
        var limits = _server.Options.Limits;
        if (_server.Gate.IsClosed)
        {
            _liveness?.Change(limits.PingInterval, Timeout.InfiniteTimeSpan); // a hung node keeps no time
            return;
        }

        if (!IsRegistered)
        {
            var waited = time.GetElapsedTime(_connectedAt);
            if (waited >= limits.RegistrationTimeout)
            {
                RequestClose("Registration timeout", "registration timeout");
                return;
            }

            _liveness?.Change(limits.RegistrationTimeout - waited, Timeout.InfiniteTimeSpan);
            return;
        }

        var pingSentAt = Volatile.Read(ref _pingSentAt);
        if (pingSentAt != 0)
        {
            var waiting = time.GetElapsedTime(pingSentAt);
            if (waiting >= limits.PingTimeout)
            {
                var seconds = time.GetElapsedTime(Volatile.Read(ref _lastHeard)).TotalSeconds;
                RequestClose($"Ping timeout: {seconds.ToString("0", CultureInfo.InvariantCulture)} seconds", "ping timeout");
                return;
            }

            _liveness?.Change(limits.PingTimeout - waiting, Timeout.InfiniteTimeSpan);
            return;
        }

        var silent = time.GetElapsedTime(Volatile.Read(ref _lastHeard));
        _queue.Trim(); // quiet enough for a liveness check: give back the send ring
        if (silent >= limits.PingInterval)
        {
            Volatile.Write(ref _pingSentAt, time.GetTimestamp());
            // Straight to the queue: this runs on the timer, not inside a command's response.
            Enqueue(Encode(new IrcMessage(IrcCommands.Ping, _server.Name) { Source = _server.Name }));
            _liveness?.Change(limits.PingTimeout, Timeout.InfiniteTimeSpan);
            return;
        }

        _liveness?.Change(limits.PingInterval - silent, Timeout.InfiniteTimeSpan);
    }
}
