using ApartiumChat.Scenarios.Model;
using ApartiumChat.Scenarios.Observations;

namespace ApartiumChat.Scenarios.Measurement;

/// <summary>
/// One trial's events indexed for the calculators: in time order (journal order breaks ties,
/// so "the fault, then the death it caused" holds even within one millisecond), with each
/// fault's windows and each client's sessions.
/// <code>
///   events --sort--> ranked events --+--> fault windows (server: one; link: one per client)
///                                    +--> sessions per client (registered .. dead | moved | open)
///                                    +--> deliveries per receiver, send times
/// </code>
/// </summary>
internal sealed class ObservedTrial
{
    public ObservedTrial(TrialObservation observation)
    {
        Observation = observation;
        Events = observation.Events
            .Select((e, journalOrder) => (Event: e, JournalOrder: journalOrder))
            .OrderBy(x => SafeTime(x.Event.AtMs))
            .ThenBy(x => x.JournalOrder)
            .Select((x, rank) => new RankedEvent(rank, x.Event))
            .ToList();
        Windows = BuildWindows();
        foreach (var window in Windows)
        {
            if (!WindowsByServer.TryGetValue(window.Server, out var list))
            {
                list = [];
                WindowsByServer[window.Server] = list;
            }

            list.Add(window);
        }

        BuildSessions();
        foreach (var ranked in Events)
        {
            switch (ranked.Event)
            {
                case MessageSent sent:
                    SentAt.TryAdd((sent.Sender, sent.Sequence), sent.AtMs);
                    break;
                case MessageDelivered delivered:
                    DeliveriesTo(delivered.Receiver).Add(ranked);
                    break;
                case ClientRegistered registered:
                    MovesOf(registered.Client).Add(ranked);
                    break;
                case ConnectionDeclaredDead dead:
                    MovesOf(dead.Client).Add(ranked);
                    break;
            }
        }
    }

    public TrialObservation Observation { get; }

    public IReadOnlyList<RankedEvent> Events { get; }

    /// <summary>Every fault window: a server fault's, and a link fault's per client it acts on.</summary>
    public IReadOnlyList<FaultSpan> Windows { get; }

    /// <summary>The fault windows on each server (server faults and link faults to it).</summary>
    public Dictionary<string, List<FaultSpan>> WindowsByServer { get; } = new(StringComparer.Ordinal);

    /// <summary>Every client with sessions: the observation's clients in their order, then any others sorted, so output never follows hash order.</summary>
    public IEnumerable<string> ClientsInOrder =>
        Observation.Clients.Where(Sessions.ContainsKey)
            .Concat(Sessions.Keys.Except(Observation.Clients).Order(StringComparer.Ordinal));

    public IReadOnlyList<FaultSpan> WindowsOn(string server) => WindowsByServer.GetValueOrDefault(server) ?? [];

    /// <summary>Each client's sessions, in time order.</summary>
    public Dictionary<string, List<Session>> Sessions { get; } = new(StringComparer.Ordinal);

    /// <summary>Every declared-dead event with the session it ended (null when it matched none).</summary>
    public List<(RankedEvent Death, Session? Session)> Deaths { get; } = [];

    public Dictionary<(string Sender, long Sequence), double> SentAt { get; } = [];

    public Dictionary<string, List<RankedEvent>> Deliveries { get; } = new(StringComparer.Ordinal);

    /// <summary>Each client's registrations and declared deaths, in time order.</summary>
    public Dictionary<string, List<RankedEvent>> Moves { get; } = new(StringComparer.Ordinal);

    /// <summary>The applied faults by index (the first application if a runner journaled one twice).</summary>
    public Dictionary<int, (RankedEvent Ranked, FaultApplied Applied)> Applied { get; } = [];

    public List<RankedEvent> DeliveriesTo(string receiver)
    {
        if (!Deliveries.TryGetValue(receiver, out var list))
        {
            list = [];
            Deliveries[receiver] = list;
        }

        return list;
    }

    public List<RankedEvent> MovesOf(string client)
    {
        if (!Moves.TryGetValue(client, out var list))
        {
            list = [];
            Moves[client] = list;
        }

        return list;
    }

    /// <summary>The index of the first event in <paramref name="ranked"/> (in rank order) with a rank above <paramref name="rank"/>.</summary>
    public static int FirstAfter(List<RankedEvent> ranked, int rank)
    {
        int lo = 0, hi = ranked.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (ranked[mid].Rank <= rank)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    public List<Session> SessionsOf(string client)
    {
        if (!Sessions.TryGetValue(client, out var list))
        {
            list = [];
            Sessions[client] = list;
        }

        return list;
    }

    private static double SafeTime(double ms) => double.IsNaN(ms) ? double.MaxValue : ms;

    private List<FaultSpan> BuildWindows()
    {
        var ends = new Dictionary<int, List<(double AtMs, int Rank, IReadOnlyList<string> Clients)>>();
        foreach (var ranked in Events)
        {
            switch (ranked.Event)
            {
                case FaultApplied applied:
                    Applied.TryAdd(applied.FaultIndex, (ranked, applied));
                    break;
                case FaultEnded ended:
                    if (!ends.TryGetValue(ended.FaultIndex, out var list))
                    {
                        list = [];
                        ends[ended.FaultIndex] = list;
                    }

                    list.Add((ended.AtMs, ranked.Rank, ended.Clients));
                    break;
            }
        }

        var windows = new List<FaultSpan>();
        foreach (var (index, (ranked, applied)) in Applied.OrderBy(a => a.Value.Ranked.Rank))
        {
            if (FaultTypes.IsRecovery(applied.Type))
            {
                continue;
            }

            var endings = ends.GetValueOrDefault(index) ?? [];
            double EndFor(string? client)
            {
                if (applied.Type == FaultType.Reset)
                {
                    return applied.AtMs;
                }

                foreach (var (atMs, rank, clients) in endings)
                {
                    if (rank > ranked.Rank && (client is null || clients.Count == 0 || clients.Contains(client)))
                    {
                        return atMs;
                    }
                }

                return double.PositiveInfinity;
            }

            if (FaultTypes.KindOf(applied.Type) == FaultKind.Server)
            {
                windows.Add(new FaultSpan(index, applied.Type, applied.Server, null, ranked.Rank, applied.AtMs, EndFor(null)));
            }
            else
            {
                windows.AddRange(applied.Clients.Select(c => new FaultSpan(index, applied.Type, applied.Server, c, ranked.Rank, applied.AtMs, EndFor(c))));
            }
        }

        return windows;
    }

    private void BuildSessions()
    {
        var open = new Dictionary<string, Session>(StringComparer.Ordinal);
        foreach (var ranked in Events)
        {
            switch (ranked.Event)
            {
                case ClientRegistered registered:
                    if (open.Remove(registered.Client, out var previous))
                    {
                        previous.Close(ranked, SessionEnd.Moved);
                    }

                    var session = new Session(registered.Client, registered.Server, ranked.Rank, registered.AtMs);
                    SessionsOf(registered.Client).Add(session);
                    open[registered.Client] = session;
                    break;
                case ConnectionDeclaredDead dead:
                    Session? ended = null;
                    if (open.TryGetValue(dead.Client, out var current) && current.Server == dead.Server)
                    {
                        open.Remove(dead.Client);
                        current.Close(ranked, SessionEnd.Dead);
                        ended = current;
                    }

                    Deaths.Add((ranked, ended));
                    break;
            }
        }
    }
}

/// <summary>An event and its place in time order.</summary>
internal sealed record RankedEvent(int Rank, TrialEvent Event)
{
    public double AtMs => Event.AtMs;
}

/// <summary>
/// Where and when a fault acted: on a whole server (<see cref="Client"/> null) or on one
/// client's link to it; from its application until it ended (+infinity: never).
/// </summary>
internal sealed record FaultSpan(int FaultIndex, FaultType Type, string Server, string? Client, int StartRank, double StartMs, double EndMs)
{
    public bool Covers(string client, string server) => Server == server && (Client is null || Client == client);
}

internal enum SessionEnd
{
    Open,
    Moved,
    Dead,
}

/// <summary>A stretch during which a client was registered on one server, and the faults that hit it.</summary>
internal sealed class Session(string client, string server, int startRank, double startMs)
{
    public string Client { get; } = client;

    public string Server { get; } = server;

    public int StartRank { get; } = startRank;

    public double StartMs { get; } = startMs;

    public int EndRank { get; private set; } = int.MaxValue;

    public double EndMs { get; private set; } = double.PositiveInfinity;

    public SessionEnd End { get; private set; } = SessionEnd.Open;

    public List<FaultSpan> Hits { get; } = [];

    /// <summary>Whether the session was on at <paramref name="rank"/> (strictly inside: started before, ended after).</summary>
    public bool ActiveAt(int rank) => StartRank < rank && rank < EndRank;

    public void Close(RankedEvent at, SessionEnd end)
    {
        EndRank = at.Rank;
        EndMs = at.AtMs;
        End = end;
    }
}
