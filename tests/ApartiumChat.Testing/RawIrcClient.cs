using System.Net;
using System.Text;
using ApartiumChat.Protocol;
using ApartiumChat.Transport;

namespace ApartiumChat.Testing;

/// <summary>
/// A bare IRC client for tests: sends raw lines, records every message it receives, and
/// waits (in whatever time the test runs on) for the ones it expects.
/// </summary>
public sealed class RawIrcClient : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly TimeProvider _time;
    private readonly List<IrcMessage> _received = [];
    private readonly Lock _lock = new();
    private readonly Task _reading;
    private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _cursor;

    private RawIrcClient(IConnection connection, TimeProvider time)
    {
        _connection = connection;
        _time = time;
        _reading = ReadAsync();
    }

    public static TimeSpan DefaultTimeout { get; } = TimeSpan.FromSeconds(10);

    /// <summary>Every message received so far.</summary>
    public IReadOnlyList<IrcMessage> Received
    {
        get
        {
            lock (_lock)
            {
                return [.. _received];
            }
        }
    }

    /// <summary>True once the server closed the connection (FIN or reset).</summary>
    public bool IsClosed { get; private set; }

    public Exception? CloseError { get; private set; }

    public IConnection Connection => _connection;

    public static async Task<RawIrcClient> ConnectAsync(IConnectionFactory factory, EndPoint address, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return new RawIrcClient(await factory.ConnectAsync(address), time);
    }

    public async Task SendAsync(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        await SendBytesAsync(Encoding.UTF8.GetBytes(line + "\r\n"));
    }

    public async Task SendBytesAsync(byte[] bytes)
    {
        await _connection.Transport.Output.WriteAsync(bytes);
    }

    /// <summary>Registers with NICK/USER, negotiating the given capabilities first; returns after 001 (or throws).</summary>
    public async Task RegisterAsync(string nick, params string[] capabilities)
    {
        if (capabilities.Length > 0)
        {
            await SendAsync("CAP LS 302");
            await ExpectAsync(m => m.Command == "CAP" && m.Param(1) == "LS");
            await SendAsync("CAP REQ :" + string.Join(' ', capabilities));
            await ExpectAsync(m => m.Command == "CAP" && m.Param(1) == "ACK");
        }

        await SendAsync($"NICK {nick}");
        await SendAsync($"USER {nick} 0 * :{nick} the tester");
        if (capabilities.Length > 0)
        {
            await SendAsync("CAP END");
        }

        var outcome = await ExpectAsync(m => m.Command is "001" or "433" or "464");
        if (outcome.Command != "001")
        {
            throw new InvalidOperationException($"Registration of {nick} failed: {outcome}");
        }

        await ExpectAsync(m => m.Command is "376" or "422");
    }

    /// <summary>JOINs a channel and waits for the end of its NAMES list.</summary>
    public async Task JoinAsync(string channel)
    {
        await SendAsync("JOIN " + channel);
        await ExpectAsync(m => m.Command == "366" && string.Equals(m.Param(1), channel, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Waits for the next <c>HA TOKEN</c> and returns the token.</summary>
    public async Task<string> ExpectTokenAsync() =>
        (await ExpectAsync(m => m.Command == "HA" && m.Param(0) == "TOKEN")).Param(1)!;

    /// <summary>The next message (after those already expected) that matches; fails after the timeout.</summary>
    public async Task<IrcMessage> ExpectAsync(Func<IrcMessage, bool> match, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(match);
        using var cancel = new CancellationTokenSource(timeout ?? DefaultTimeout, _time);
        while (true)
        {
            Task arrived;
            lock (_lock)
            {
                for (; _cursor < _received.Count; _cursor++)
                {
                    if (match(_received[_cursor]))
                    {
                        return _received[_cursor++];
                    }
                }

                if (IsClosed)
                {
                    throw new InvalidOperationException($"Connection closed before the expected message arrived ({CloseError?.Message ?? "FIN"}). Received:\n{Dump()}");
                }

                arrived = _arrived.Task;
            }

            // Not arrived.WaitAsync(token): combinators hop through the thread pool, which
            // the simulation loop cannot see; a registration that wakes us stays on the loop.
            using (cancel.Token.Register(static s => ((Action)s!)(), (Action)Signal))
            {
                await arrived;
            }

            if (cancel.IsCancellationRequested)
            {
                throw new TimeoutException($"Expected message did not arrive. Received:\n{Dump()}");
            }
        }
    }

    /// <summary>Waits until the server closes the connection.</summary>
    public async Task ExpectClosedAsync(TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? DefaultTimeout, _time);
        while (true)
        {
            Task arrived;
            lock (_lock)
            {
                if (IsClosed)
                {
                    return;
                }

                arrived = _arrived.Task;
            }

            if (cancel.IsCancellationRequested)
            {
                throw new TimeoutException($"The connection stayed open. Received:\n{Dump()}");
            }

            using (cancel.Token.Register(static s => ((Action)s!)(), (Action)Signal))
            {
                await arrived;
            }
        }
    }

    /// <summary>Messages received (after those already expected) with this command.</summary>
    public IReadOnlyList<IrcMessage> Pending(string command)
    {
        lock (_lock)
        {
            return _received.Skip(_cursor).Where(m => m.Command == command).ToList();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync();
        try
        {
            await _reading;
        }
        catch (IOException)
        {
        }
    }

    private string Dump()
    {
        lock (_lock)
        {
            return string.Join('\n', _received.Select(m => "  " + m));
        }
    }

    private async Task ReadAsync()
    {
        var input = _connection.Transport.Input;
        var lines = new IrcLineReader(new IrcLineLimits { MaxRestLength = 64 * 1024 });
        try
        {
            while (true)
            {
                var result = await input.ReadAsync();
                var buffer = result.Buffer;
                while (lines.TryReadLine(ref buffer, out var line) == IrcLineStatus.Line)
                {
                    if (IrcLine.TryParse(line, out var parsed, out _))
                    {
                        Add(parsed.ToMessage());
                    }
                }

                input.AdvanceTo(buffer.Start, buffer.End);
                if (result.IsCompleted || result.IsCanceled)
                {
                    break;
                }
            }
        }
        catch (IOException e)
        {
            CloseError = e;
        }
        catch (InvalidOperationException e)
        {
            CloseError = e;
        }
        finally
        {
            lock (_lock)
            {
                IsClosed = true;
            }

            Signal();
        }
    }

    private void Add(IrcMessage message)
    {
        lock (_lock)
        {
            _received.Add(message);
        }

        Signal();
    }

    private void Signal()
    {
        TaskCompletionSource arrived;
        lock (_lock)
        {
            arrived = _arrived;
            _arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        arrived.TrySetResult();
    }
}
