using System.Buffers;
using System.Globalization;
using System.Threading.Channels;
using ApartiumChat.Protocol;
using ApartiumChat.Transport;

namespace ApartiumChat.Client.Connection;

/// <summary>
/// One IRC connection to one server: framing and parsing on the way in, a queue and a writer
/// loop on the way out, and the bookkeeping of the client's own PINGs.
/// <code>
///   Send(...) --[queue]--> writer loop --> Transport.Output        (any thread, never blocks)
///   ReadAsync() &lt;-- parsed messages &lt;-- line reader &lt;-- Transport.Input
/// </code>
/// Reading is pulled: the registration handshake reads message by message, then the client's
/// read loop takes over with whatever is already parsed.
/// </summary>
internal sealed class ServerConnection
{
    private const string PingPrefix = "apt";

    private static readonly IrcLineLimits IncomingLimits = new() { MaxRestLength = 8192 };

    private readonly IConnection _connection;
    private readonly TimeProvider _time;
    private readonly Channel<byte[]> _outgoing = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IrcLineReader _lines = new(IncomingLimits);
    private readonly Queue<IrcMessage> _parsed = new();
    private readonly Queue<(long Sequence, long SentAt)> _pings = new();
    private readonly Task _writing;
    private long _nextPing;
    private bool _inputEnded;
    private ITimer? _abortTimer;

    private ServerConnection(IConnection connection, ServerEntry server, int index, TimeProvider time)
    {
        _connection = connection;
        _time = time;
        Server = server;
        Index = index;
        _writing = WriteLoopAsync();
    }

    public ServerEntry Server { get; }

    /// <summary>The server's place in the priority list (0 = preferred).</summary>
    public int Index { get; }

    /// <summary>What was negotiated (set by the handshake).</summary>
    public ServerCapabilities Capabilities { get; set; }

    /// <summary>Most messages the server returns per CHATHISTORY request (ISUPPORT CHATHISTORY).</summary>
    public int HistoryPageSize { get; set; } = 100;

    /// <summary>No longer the connection in use: its end is not a failure (guarded by the client's lock).</summary>
    public bool Retired { get; set; }

    /// <summary>Its read loop has ended (guarded by the client's lock).</summary>
    public bool Ended { get; set; }

    /// <summary>Batches open on this connection, by reference (guarded by the client's lock).</summary>
    public Dictionary<string, OpenBatch> Batches { get; } = new(StringComparer.Ordinal);

    /// <summary>The text of the last ERROR line the server sent, if any.</summary>
    public string? LastError { get; set; }

    /// <summary>Why the writer stopped, if it failed.</summary>
    public Exception? WriteError { get; private set; }

    /// <summary>The sequence number of the last PING of ours sent (0 before the first).</summary>
    public long LastPingSent => _nextPing;

    /// <summary>Oldest PING of ours still unanswered, as a TimeProvider timestamp.</summary>
    public long? OldestUnansweredPing => _pings.TryPeek(out var ping) ? ping.SentAt : null;

    public bool Has(ServerCapabilities capability) => (Capabilities & capability) == capability;

    public static async Task<ServerConnection> OpenAsync(
        IConnectionFactory factory, ServerEntry server, int index, TimeProvider time, CancellationToken cancellationToken)
    {
        var connection = await factory.ConnectAsync(server.Address, cancellationToken);
        return new ServerConnection(connection, server, index, time);
    }

    /// <summary>Queues a message for the server. Thread-safe; never blocks.</summary>
    public void Send(IrcMessage message) => _outgoing.Writer.TryWrite(IrcMessageWriter.ToBytes(message));

    /// <summary>Sends <c>PING :apt&lt;n&gt;</c> and remembers when; returns n.</summary>
    public long SendPing()
    {
        var sequence = ++_nextPing;
        _pings.Enqueue((sequence, _time.GetTimestamp()));
        Send(new IrcMessage(IrcCommands.Ping, PingPrefix + sequence.ToString(CultureInfo.InvariantCulture)));
        return sequence;
    }

    /// <summary>
    /// Matches a PONG token to a PING of ours. Answers come in order: an earlier PING still
    /// unanswered at this point was lost on the way (<paramref name="skipped"/>). Returns false
    /// for tokens that are not ours.
    /// </summary>
    public bool TryAnswer(string? token, out long sequence, out TimeSpan roundTrip, out bool skipped)
    {
        roundTrip = default;
        sequence = 0;
        skipped = false;
        if (token is null || !token.StartsWith(PingPrefix, StringComparison.Ordinal)
            || !long.TryParse(token.AsSpan(PingPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out sequence))
        {
            return false;
        }

        var matched = false;
        while (_pings.TryPeek(out var ping) && ping.Sequence <= sequence)
        {
            _pings.Dequeue();
            if (ping.Sequence == sequence)
            {
                roundTrip = _time.GetElapsedTime(ping.SentAt);
                matched = true;
            }
            else
            {
                skipped = true;
            }
        }

        return matched;
    }

    /// <summary>
    /// The next message from the server; null once the server closed the connection (FIN) or
    /// reading was stopped with <see cref="StopReading"/>.
    /// </summary>
    /// <exception cref="IOException">The connection was reset or failed.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public async ValueTask<IrcMessage?> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_parsed.TryDequeue(out var message))
            {
                return message;
            }

            if (_inputEnded)
            {
                return null;
            }

            var input = _connection.Transport.Input;
            var result = await input.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            while (_lines.TryReadMessage(ref buffer, out var parsed, out _))
            {
                if (parsed is not null)
                {
                    _parsed.Enqueue(parsed); // lines that are too long or malformed are skipped
                }
            }

            input.AdvanceTo(buffer.Start, buffer.End);
            if (result.IsCompleted || result.IsCanceled)
            {
                _inputEnded = true;
            }
        }
    }

    /// <summary>A message already parsed, without waiting.</summary>
    public bool TryTake(out IrcMessage message) => _parsed.TryDequeue(out message!);

    /// <summary>Makes a pending or future <see cref="ReadAsync"/> return null.</summary>
    public void StopReading() => _connection.Transport.Input.CancelPendingRead();

    /// <summary>Resets the connection (RST): for a server that is dead or that we abandon.</summary>
    public void Abort() => _connection.Abort();

    /// <summary>Resets the connection after <paramref name="bound"/> unless it has closed by then.</summary>
    public void AbortAfter(TimeProvider time, TimeSpan bound) =>
        _abortTimer ??= time.CreateTimer(static s => ((ServerConnection)s!).Abort(), this, bound, Timeout.InfiniteTimeSpan);

    /// <summary>
    /// Sends what is queued, then closes (FIN); resets instead if the server will not take the
    /// bytes within <paramref name="bound"/>. The read side must be stopped first.
    /// </summary>
    public async Task CloseAsync(TimeSpan bound)
    {
        _outgoing.Writer.TryComplete();
        _abortTimer?.Dispose();
        using (var timeout = new CancellationTokenSource(bound, _time))
        using (timeout.Token.Register(static s => ((ServerConnection)s!).Abort(), this))
        {
            await _writing;
        }

        try
        {
            await _connection.DisposeAsync();
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or ObjectDisposedException)
        {
            // Already reset: nothing left to close.
        }
    }

    public override string ToString() => Server.ToString();

    private async Task WriteLoopAsync()
    {
        var output = _connection.Transport.Output;
        var reader = _outgoing.Reader;
        try
        {
            while (await reader.WaitToReadAsync())
            {
                while (reader.TryRead(out var line))
                {
                    output.Write(line);
                }

                var flushed = await output.FlushAsync();
                if (flushed.IsCompleted || flushed.IsCanceled)
                {
                    return;
                }
            }
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or ObjectDisposedException)
        {
            // The read side reports the failure; wake it in case it waits on a silent peer.
            WriteError = e;
            _outgoing.Writer.TryComplete();
            _connection.Transport.Input.CancelPendingRead();
        }
    }
}
