namespace ApartiumChat.Scenarios.Observations;

/// <summary>
/// Where the runner writes what a trial does, from any thread: each event is stamped in
/// journal order; times are ms since <see cref="StartWorkload"/> on the trial's
/// <see cref="TimeProvider"/> (events before it have negative times).
/// </summary>
public sealed class TrialJournal
{
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly List<TrialEvent> _events = [];
    private readonly Dictionary<string, string?> _finalServers = new(StringComparer.Ordinal);
    private long _start;
    private DateTimeOffset _startUtc;

    public TrialJournal(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        _start = time.GetTimestamp();
        _startUtc = time.GetUtcNow();
    }

    /// <summary>Milliseconds since the workload started, now.</summary>
    public double NowMs => _time.GetElapsedTime(Volatile.Read(ref _start)).TotalMilliseconds;

    /// <summary>Marks t = 0: the instant the workload starts and the fault timeline begins.</summary>
    public void StartWorkload()
    {
        lock (_gate)
        {
            // Events journaled so far (registrations, joins) were timed from the journal's
            // creation: move them onto the workload's clock, where they fall before 0.
            var shift = NowMs;
            for (var i = 0; i < _events.Count; i++)
            {
                _events[i] = _events[i] with { AtMs = _events[i].AtMs - shift };
            }

            _startUtc = _time.GetUtcNow();
            Volatile.Write(ref _start, _time.GetTimestamp());
        }
    }

    /// <summary>Milliseconds since the workload started at an engine event's timestamp (its TimeProvider's UTC time).</summary>
    public double MsAt(DateTimeOffset time)
    {
        lock (_gate)
        {
            return (time - _startUtc).TotalMilliseconds;
        }
    }

    public void Record(TrialEvent trialEvent)
    {
        ArgumentNullException.ThrowIfNull(trialEvent);
        lock (_gate)
        {
            _events.Add(trialEvent);
        }
    }

    /// <summary>Records where a client stands at quiescence (null: not registered anywhere).</summary>
    public void Settle(string client, string? server)
    {
        lock (_gate)
        {
            _finalServers[client] = server;
        }
    }

    /// <summary>The trial as observed, for the calculators.</summary>
    public TrialObservation Complete(IReadOnlyList<string> servers, IReadOnlyList<string> clients, double timelineEndMs, bool quiesced)
    {
        lock (_gate)
        {
            return new TrialObservation
            {
                Servers = servers,
                Clients = clients,
                Events = [.. _events],
                FinalServers = new Dictionary<string, string?>(_finalServers, StringComparer.Ordinal),
                TimelineEndMs = timelineEndMs,
                EndMs = NowMs,
                Quiesced = quiesced,
            };
        }
    }
}
