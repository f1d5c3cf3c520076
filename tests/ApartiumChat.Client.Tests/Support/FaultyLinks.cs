using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using ApartiumChat.Transport;

namespace ApartiumChat.Client.Tests.Support;

/// <summary>
/// A connection factory that puts a controllable link between each client connection and its
/// server: drop data in either direction (blackhole), refuse new connections, or delay data
/// by a latency with uniform jitter (order kept). For tests on the simulation loop.
/// <code>
///   client --[up: drop? delay?]--> real connection --> server
///   client &lt;-[down: drop? delay?]-- real connection &lt;-- server
/// </code>
/// </summary>
public sealed class FaultyLinks : IConnectionFactory
{
    private readonly IConnectionFactory _inner;
    private readonly TimeProvider _time;
    private readonly Random _random;
    private readonly Dictionary<string, LinkState> _links = new(StringComparer.Ordinal);

    public FaultyLinks(IConnectionFactory inner, TimeProvider time, Random random)
    {
        _inner = inner;
        _time = time;
        _random = random;
    }

    public LinkState Link(EndPoint server)
    {
        var key = NetworkAddress.Format(server);
        if (!_links.TryGetValue(key, out var state))
        {
            state = new LinkState();
            _links.Add(key, state);
        }

        return state;
    }

    public async ValueTask<IConnection> ConnectAsync(EndPoint endPoint, CancellationToken cancellationToken = default)
    {
        var link = Link(endPoint);
        if (link.Refuse)
        {
            throw new SocketException((int)SocketError.ConnectionRefused);
        }

        var real = await _inner.ConnectAsync(endPoint, cancellationToken);
        return new FaultyConnection(real, link, _time, _random);
    }

    /// <summary>The faults on the links to one server (all its connections, present and future).</summary>
    public sealed class LinkState
    {
        public bool DropUpstream { get; set; }

        public bool DropDownstream { get; set; }

        public bool Refuse { get; set; }

        public TimeSpan Latency { get; set; }

        public TimeSpan Jitter { get; set; }

        public void Heal()
        {
            DropUpstream = DropDownstream = Refuse = false;
            Latency = Jitter = TimeSpan.Zero;
        }
    }

    private sealed class FaultyConnection : IConnection
    {
        private static readonly PipeOptions Options = new(
            readerScheduler: PipeScheduler.Inline, writerScheduler: PipeScheduler.Inline, useSynchronizationContext: true);

        private readonly IConnection _real;
        private readonly Pipe _up = new(Options);
        private readonly Pipe _down = new(Options);
        private readonly Task _pumps;

        public FaultyConnection(IConnection real, LinkState link, TimeProvider time, Random random)
        {
            _real = real;
            Transport = new DuplexPipe(_down.Reader, _up.Writer);
            _pumps = Task.WhenAll(
                new Direction(_up.Reader, real.Transport.Output, () => link.DropUpstream, link, time, random).RunAsync(),
                new Direction(real.Transport.Input, _down.Writer, () => link.DropDownstream, link, time, random).RunAsync());
        }

        public long Id => _real.Id;

        public EndPoint LocalEndPoint => _real.LocalEndPoint;

        public EndPoint RemoteEndPoint => _real.RemoteEndPoint;

        public IDuplexPipe Transport { get; }

        public void Abort()
        {
            _real.Abort();
            _down.Writer.Complete(new ConnectionResetException());
            _up.Reader.CancelPendingRead();
        }

        public async ValueTask DisposeAsync()
        {
            await _up.Writer.CompleteAsync();
            await _down.Reader.CompleteAsync();
            await _pumps;
            await _real.DisposeAsync();
        }
    }

    /// <summary>One direction: read, maybe drop, stamp with a due time; a second loop writes at the due time.</summary>
    private sealed class Direction(PipeReader from, PipeWriter to, Func<bool> drop, LinkState link, TimeProvider time, Random random)
    {
        private readonly Channel<(byte[] Bytes, long Due)> _queue = Channel.CreateUnbounded<(byte[], long)>();
        private long _lastDue;

        public Task RunAsync() => Task.WhenAll(ReadAsync(), WriteAsync());

        private async Task ReadAsync()
        {
            Exception? error = null;
            try
            {
                while (true)
                {
                    var result = await from.ReadAsync();
                    if (result.IsCanceled)
                    {
                        error = new ConnectionResetException();
                        break;
                    }

                    if (!result.Buffer.IsEmpty && !drop())
                    {
                        _queue.Writer.TryWrite((result.Buffer.ToArray(), DueTime()));
                    }

                    from.AdvanceTo(result.Buffer.End);
                    if (result.IsCompleted)
                    {
                        break;
                    }
                }
            }
            catch (Exception e) when (e is IOException or InvalidOperationException)
            {
                error = e;
            }

            _queue.Writer.TryComplete(error);
            await from.CompleteAsync();
        }

        private async Task WriteAsync()
        {
            Exception? error = null;
            try
            {
                // Not ReadAllAsync: it continues on the thread pool (ConfigureAwait(false) inside).
                while (await _queue.Reader.WaitToReadAsync())
                {
                    while (_queue.Reader.TryRead(out var item))
                    {
                        var wait = time.GetElapsedTime(time.GetTimestamp(), item.Due);
                        if (wait > TimeSpan.Zero)
                        {
                            await Task.Delay(wait, time);
                        }

                        await to.WriteAsync(item.Bytes);
                    }
                }
            }
            catch (Exception e) when (e is IOException or InvalidOperationException)
            {
                error = e;
            }

            await to.CompleteAsync(error);
        }

        private long DueTime()
        {
            var latency = link.Latency;
            if (link.Jitter > TimeSpan.Zero)
            {
                latency += TimeSpan.FromTicks((long)(((random.NextDouble() * 2) - 1) * link.Jitter.Ticks));
            }

            var due = time.GetTimestamp() + (long)(Math.Max(0, latency.Ticks) * (double)time.TimestampFrequency / TimeSpan.TicksPerSecond);
            _lastDue = Math.Max(_lastDue, due); // order kept, as on one TCP stream
            return _lastDue;
        }
    }
}
