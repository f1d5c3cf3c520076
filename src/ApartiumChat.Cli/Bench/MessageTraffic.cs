using System.Diagnostics;
using System.Text;
using ApartiumChat.Transport;
using ApartiumChat.Transport.Tcp;

namespace ApartiumChat.Cli.Bench;

/// <summary>
/// The message workloads (fan-out, chatter, channels): clients join their channels, senders
/// send timestamped PRIVMSGs, receivers record each delivery's latency.
/// </summary>
/// <remarks>
/// Closed loop: each sender keeps at most <c>Window</c> messages in flight, counted against
/// its slowest receiver, so every server is driven as fast as it delivers, and no queue
/// grows without bound (which would measure the queue, not the server).
/// <code>
///   send loop --(room in window?)--> PRIVMSG x k --> server --> receivers --> latency, counts
///       ^                                                              |
///       +------------------- progress signal (after each read) --------+
/// </code>
/// </remarks>
internal sealed partial class MessageTraffic : ILoadObserver
{
    private readonly BenchWorkload _workload;
    private readonly BenchSettings _settings;
    private readonly LatencyRecorder _latency = new();
    private readonly SemaphoreSlim _progress = new(0);
    private readonly List<LoadClient> _clients = [];
    private readonly List<Sender> _senders = [];
    private Sender[] _sendersByIndex = [];
    private int _waiting;
    private volatile bool _measuring;

    public MessageTraffic(BenchWorkload workload, BenchSettings settings)
    {
        _workload = workload;
        _settings = settings;
    }

    public string Description => _workload switch
    {
        _ when _settings.Rate is { } rate => $"{Shape()}, each sender paced at {rate:0.#} messages/s",
        _ => Shape(),
    };

    private string Shape() => _workload switch
    {
        BenchWorkload.FanOut => $"1 sender -> {_settings.Clients} receivers on one channel",
        BenchWorkload.Chatter => $"{_settings.Clients} clients all sending on one channel",
        _ => $"{_settings.Clients} pairs, each in its own channel, one sending",
    };

    public async Task<BenchResult> RunAsync(CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        var load = ProcessProbe.LoadAverage().One;
        var transport = new TcpTransport();
        try
        {
            await SetUpAsync(transport, cancellationToken);
            var (sent, delivered, cpu) = await DriveAsync(cancellationToken);
            var failures = _clients.Count(c => c.Closed);
            return new BenchResult
            {
                Workload = _workload.ToString().ToLowerInvariant(),
                Description = $"{Description}, window {_settings.Window}, {_settings.MessageBytes}-byte text",
                Server = _settings.Label,
                ServerProcess = _settings.ServerPid is { } pid ? ProcessProbe.Name(pid) : null,
                Clients = _clients.Count,
                StartedAt = started,
                LoadAverageBefore = load,
                LoadAverageAfter = ProcessProbe.LoadAverage().One,
                MessagesSentPerSecond = sent / cpu.WallSeconds,
                DeliveriesPerSecond = delivered / cpu.WallSeconds,
                Latency = _latency.Summarize(),
                Cpu = cpu,
                Failures = failures,
                Notes = _clients.FirstOrDefault(c => c.Closed) is { } closed ? [$"{closed.Nick} was disconnected: {closed.LastError ?? "no ERROR line"}"] : [],
            };
        }
        finally
        {
            await Task.WhenAll(_clients.Select(c => c.DisposeAsync().AsTask()));
            _progress.Dispose();
        }
    }

    /// <summary>Sends while the windows allow, for the warm-up and the measured time; returns what the measured time saw.</summary>
    private async Task<(long Sent, long Delivered, CpuUse Cpu)> DriveAsync(CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        var measureAt = start + (long)(_settings.WarmUp.TotalSeconds * Stopwatch.Frequency);
        var endAt = measureAt + (long)(_settings.Duration.TotalSeconds * Stopwatch.Frequency);
        CpuWindow? window = null;
        long sentBefore = 0, deliveredBefore = 0;
        var threshold = Math.Max(1, _settings.Window / 4);
        var batch = Math.Min(_settings.Window, 64);
        while (true)
        {
            var now = Stopwatch.GetTimestamp();
            if (window is null && now >= measureAt)
            {
                _latency.Reset();
                _measuring = true;
                (sentBefore, deliveredBefore) = (TotalSent(), TotalDelivered());
                window = CpuWindow.Start(_settings.ServerPid);
            }

            if (now >= endAt)
            {
                _measuring = false;
                var cpu = window!.Stop();
                return (TotalSent() - sentBefore, TotalDelivered() - deliveredBefore, cpu);
            }

            var progressed = false;
            var allowed = _settings.Rate is { } rate ? (long)(Stopwatch.GetElapsedTime(start, now).TotalSeconds * rate) : long.MaxValue;
            foreach (var sender in _senders)
            {
                var room = (int)Math.Min(_settings.Window - sender.InFlight(), allowed - sender.Sent);
                if (room >= Math.Min(threshold, allowed == long.MaxValue ? threshold : 1) && !sender.Client.Closed)
                {
                    var count = Math.Min(room, batch);
                    await sender.Client.SendMessagesAsync(sender.Target, count, sender.Index, _settings.MessageBytes, cancellationToken);
                    sender.Sent += count;
                    progressed = true;
                }
            }

            if (!progressed)
            {
                // Sleep until a receiver reports progress (or, paced, until the next few
                // messages are due; unpaced, 50 ms at most, to watch the clock).
                Volatile.Write(ref _waiting, 1);
                await _progress.WaitAsync(TimeSpan.FromMilliseconds(_settings.Rate is null ? 50 : 1), cancellationToken);
            }
        }
    }

    public void Received(LoadClient client, ReadOnlySpan<byte> text)
    {
        var now = Stopwatch.GetTimestamp();
        if (!LoadClient.TryReadStamp(text, out var sentAt, out var senderIndex) || (uint)senderIndex >= (uint)_sendersByIndex.Length
            || _sendersByIndex[senderIndex] is not { } sender)
        {
            return;
        }

        sender.Acknowledge(client.Slot);
        if (_measuring)
        {
            _latency.RecordSince(sentAt, now);
        }
    }

    public void ReadDone(LoadClient client)
    {
        if (Volatile.Read(ref _waiting) == 1 && Interlocked.Exchange(ref _waiting, 0) == 1)
        {
            _progress.Release();
        }
    }

    private long TotalSent() => _senders.Sum(s => s.Sent);

    private long TotalDelivered() => _clients.Sum(c => Volatile.Read(ref c.Delivered));

    /// <summary>Connects every client, a few at a time, then joins each to its channel.</summary>
    private async Task SetUpAsync(IConnectionFactory transport, CancellationToken cancellationToken)
    {
        var plan = Plan();
        var tag = (Environment.ProcessId % 100_000).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var clients = new LoadClient[plan.Clients];
        using var gate = new SemaphoreSlim(Math.Min(_settings.Concurrency, 16));
        await Task.WhenAll(Enumerable.Range(0, plan.Clients).Select(async i =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                clients[i] = await LoadClient.ConnectAsync(transport, _settings.Target, $"m{i}x{tag}", i, this, _settings.ConnectTimeout, cancellationToken);
            }
            finally
            {
                gate.Release();
            }
        }));
        _clients.AddRange(clients);

        _sendersByIndex = new Sender[plan.Clients];
        foreach (var channel in plan.Channels)
        {
            var name = $"#b{tag}c{channel.Number}";
            var target = Encoding.ASCII.GetBytes(name);
            for (var slot = 0; slot < channel.Members.Count; slot++)
            {
                var client = clients[channel.Members[slot]];
                client.Slot = slot;
                await client.JoinAsync(name, _settings.ConnectTimeout, cancellationToken);
            }

            foreach (var index in channel.Senders)
            {
                var sender = new Sender(clients[index], target, channel.Members.Count);
                _senders.Add(sender);
                _sendersByIndex[index] = sender;
            }
        }
    }
}
