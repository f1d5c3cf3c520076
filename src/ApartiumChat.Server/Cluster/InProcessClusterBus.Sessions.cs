namespace ApartiumChat.Server.Cluster;

/// <summary>Sessions: registration, resume, detachment, expiry, QUIT and nick changes.</summary>
public sealed partial class InProcessClusterBus
{
    public (Session? Session, string? Token, ClusterError Error) Register(RegistrationRequest request, ISessionEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(endpoint);
        lock (_gate)
        {
            var folded = Fold(request.Nick);
            if (_sessionsByNick.ContainsKey(folded))
            {
                return (null, null, ClusterError.NickInUse);
            }

            var session = new Session(
                ++_nextSessionId, request.Nick, request.User, request.Host, request.RealName, request.IsHa, Now, _options.Ha.MaxIdempotencyKeysPerSession)
            {
                Endpoint = endpoint,
            };
            _sessionsByNick.Add(folded, session);
            var token = request.IsHa ? IssueToken(session) : null;
            return (session, token, ClusterError.None);
        }
    }

    public ResumeResult? Resume(string token, ISessionEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        lock (_gate)
        {
            if (string.IsNullOrEmpty(token) || !_sessionsByToken.TryGetValue(token, out var session) || session.HasEnded)
            {
                return null;
            }

            // Using the newest token retires the one before it; using the one before it again
            // (its answer was lost) retires the newest, which the client never saw.
            var retired = token == session.ResumeToken ? session.PreviousResumeToken : session.ResumeToken;
            if (retired is not null)
            {
                _sessionsByToken.Remove(retired);
            }

            session.PreviousResumeToken = token;
            session.ResumeToken = null;
            session.Generation++;
            session.ExpiryTimer?.Dispose();
            session.ExpiryTimer = null;
            var previous = session.Endpoint;
            session.Endpoint = endpoint;
            previous?.TakenOver();
            var channels = session.Channels.Select(c => View(c, forMember: true)).ToList();
            return new ResumeResult(session, channels, IssueToken(session));
        }
    }

    public void ConnectionLost(Session session, ISessionEndpoint endpoint, string reason)
    {
        ArgumentNullException.ThrowIfNull(session);
        lock (_gate)
        {
            if (session.HasEnded || !ReferenceEquals(session.Endpoint, endpoint))
            {
                return; // already moved on (resumed elsewhere) or gone
            }

            if (!session.IsHa)
            {
                End(session, reason);
                return;
            }

            // Detached: the nick and the memberships stay; the session waits to be resumed.
            session.Endpoint = null;
            session.ExpiryTimer?.Dispose();
            session.ExpiryTimer = _time.CreateTimer(
                static state => ((ExpiringSession)state!).Expire(),
                new ExpiringSession(this, session, session.Generation),
                _options.Ha.ResumeRetention,
                Timeout.InfiniteTimeSpan);
        }
    }

    public void Quit(Session session, ISessionEndpoint endpoint, string reason)
    {
        ArgumentNullException.ThrowIfNull(session);
        lock (_gate)
        {
            if (!session.HasEnded && ReferenceEquals(session.Endpoint, endpoint))
            {
                End(session, reason);
            }
        }
    }

    public ClusterError ChangeNick(Session session, string newNick)
    {
        ArgumentNullException.ThrowIfNull(session);
        lock (_gate)
        {
            var oldFolded = Fold(session.Nick);
            var newFolded = Fold(newNick);
            if (newFolded != oldFolded && _sessionsByNick.ContainsKey(newFolded))
            {
                return ClusterError.NickInUse;
            }

            if (newNick == session.Nick)
            {
                return ClusterError.None;
            }

            var message = Event(session, "NICK", newNick);
            _sessionsByNick.Remove(oldFolded);
            session.Nick = newNick;
            _sessionsByNick.Add(newFolded, session);
            DeliverToPeers(session.Channels, message, alsoTo: session);
            return ClusterError.None;
        }
    }

    private string IssueToken(Session session)
    {
        var token = _ids.NewResumeToken();
        session.ResumeToken = token;
        _sessionsByToken.Add(token, session);
        return token;
    }

    private void End(Session session, string reason)
    {
        session.HasEnded = true;
        session.ExpiryTimer?.Dispose();
        session.ExpiryTimer = null;
        foreach (var token in new[] { session.ResumeToken, session.PreviousResumeToken })
        {
            if (token is not null)
            {
                _sessionsByToken.Remove(token);
            }
        }

        session.ResumeToken = null;
        session.PreviousResumeToken = null;

        var quit = Event(session, "QUIT", reason);
        DeliverToPeers(session.Channels, quit, alsoTo: null, except: session);
        foreach (var channel in session.Channels)
        {
            channel.Remove(session);
            DropIfEmpty(channel);
        }

        session.Channels.Clear();
        session.Endpoint = null;
        _sessionsByNick.Remove(Fold(session.Nick));
        foreach (var pair in _conversations.Keys.Where(k => k.Item1 == session.Id || k.Item2 == session.Id).ToList())
        {
            _conversations.Remove(pair);
        }
    }

    /// <summary>The expiry of one detachment; a resume in between makes it a no-op.</summary>
    private sealed class ExpiringSession(InProcessClusterBus bus, Session session, long generationAtDetach)
    {
        public void Expire()
        {
            lock (bus._gate)
            {
                if (!session.HasEnded && session.Endpoint is null && session.Generation == generationAtDetach)
                {
                    bus.End(session, "Session expired");
                }
            }
        }
    }
}
