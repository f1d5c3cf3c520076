using System.Diagnostics;
using System.Globalization;
using System.Net;
using ApartiumChat.Transport;

namespace ApartiumChat.Cli.Bench;

/// <summary>
/// Connects and registers many plain clients: a fixed number at a time (as fast as the
/// server takes them), or at a fixed rate. Records connect-to-welcome latency.
/// </summary>
internal sealed class ConnectionCrowd : IAsyncDisposable
{
    private readonly List<LoadClient> _clients = [];
    private readonly Lock _gate = new();

    public IReadOnlyList<LoadClient> Clients => _clients;

    public int Failures { get; private set; }

    public string? FirstFailure { get; private set; }

    public LatencyRecorder Latency { get; } = new();

    /// <summary>Connects <paramref name="count"/> clients; returns the wall time it took, in seconds.</summary>
    public async Task<double> ConnectAsync(IConnectionFactory transport, EndPoint server, int count, int concurrency, double? rate, TimeSpan timeout, string prefix, CancellationToken cancellationToken)
    {
        var tag = (Environment.ProcessId % 100_000).ToString(CultureInfo.InvariantCulture);
        using var slots = new SemaphoreSlim(concurrency);
        var start = Stopwatch.GetTimestamp();
        var attempts = new List<Task>(count);
        for (var i = 0; i < count; i++)
        {
            if (rate is { } perSecond)
            {
                // Open loop: attempt i starts at i / rate, however long the earlier ones take.
                var due = TimeSpan.FromSeconds(i / perSecond) - Stopwatch.GetElapsedTime(start);
                if (due > TimeSpan.FromMilliseconds(1))
                {
                    await Task.Delay(due, cancellationToken);
                }
            }
            else
            {
                await slots.WaitAsync(cancellationToken);
            }

            attempts.Add(ConnectOneAsync(transport, server, $"{prefix}{i}x{tag}", i, rate is null ? slots : null, timeout, cancellationToken));
        }

        await Task.WhenAll(attempts);
        return Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    private async Task ConnectOneAsync(IConnectionFactory transport, EndPoint server, string nick, int index, SemaphoreSlim? slots, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var begun = Stopwatch.GetTimestamp();
        try
        {
            var client = await LoadClient.ConnectAsync(transport, server, nick, index, null, timeout, cancellationToken);
            Latency.RecordSince(begun, Stopwatch.GetTimestamp());
            lock (_gate)
            {
                _clients.Add(client);
            }
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or TimeoutException or System.Net.Sockets.SocketException)
        {
            lock (_gate)
            {
                Failures++;
                FirstFailure ??= e.Message;
            }
        }
        finally
        {
            slots?.Release();
        }
    }

    /// <summary>Disconnects everyone (QUIT), a few hundred at a time.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var chunk in _clients.Chunk(256))
        {
            await Task.WhenAll(chunk.Select(c => c.DisposeAsync().AsTask()));
        }

        _clients.Clear();
    }
}
