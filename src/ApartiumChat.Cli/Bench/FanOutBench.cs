using System.Buffers.Text;
using System.Diagnostics;
using System.Net;
using ApartiumChat.Protocol;
using ApartiumChat.Transport.Tcp;

namespace ApartiumChat.Cli.Bench;

/// <summary>
/// Fan-out: one sender, N receivers on one channel. The sender keeps a bounded number of
/// messages in flight (measured at one receiver), so the figure is the server's throughput,
/// not a queue filling up. Each message carries its send timestamp for the latency.
/// </summary>
internal sealed class FanOutBench
{
    private readonly long[] _latencies;
    private int _latencyCount;
    private long _delivered;
    private long _firstReceived;
    private long _measuring; // 0 during warm-up

    public FanOutBench(int maxSamples)
    {
        _latencies = new long[maxSamples];
    }

    public async Task<FanOutResult> RunAsync(EndPoint server, int receivers, TimeSpan warmUp, TimeSpan duration, int window, int messageBytes, CancellationToken cancellationToken)
    {
        var transport = new TcpTransport();
        var channel = "#bench" + Environment.ProcessId;
        var clients = new List<LoadClient>();
        try
        {
            for (var i = 0; i < receivers; i++)
            {
                var receiver = await LoadClient.ConnectAsync(transport, server, $"r{i}x{Environment.ProcessId % 10000}", OnLine, cancellationToken);
                await receiver.JoinAsync(channel, cancellationToken);
                clients.Add(receiver);
            }

            var sender = await LoadClient.ConnectAsync(transport, server, $"s0x{Environment.ProcessId % 10000}", null, cancellationToken);
            await sender.JoinAsync(channel, cancellationToken);
            clients.Add(sender);

            var padding = new string('x', Math.Max(0, messageBytes - 24));
            var sent = 0L;
            var start = Stopwatch.GetTimestamp();
            var measureStart = 0L;
            var cpuStart = TimeSpan.Zero;
            while (true)
            {
                var now = Stopwatch.GetTimestamp();
                var elapsed = Stopwatch.GetElapsedTime(start, now);
                if (measureStart == 0 && elapsed >= warmUp)
                {
                    measureStart = now;
                    cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
                    Interlocked.Exchange(ref _delivered, 0);
                    Interlocked.Exchange(ref _measuring, 1);
                }

                if (elapsed >= warmUp + duration)
                {
                    break;
                }

                // Keep at most 'window' messages in flight, as seen by the first receiver.
                if (sent - Volatile.Read(ref _firstReceived) >= window)
                {
                    await Task.Delay(1, cancellationToken);
                    continue;
                }

                var batch = new System.Text.StringBuilder();
                for (var i = 0; i < 32; i++)
                {
                    batch.Append("PRIVMSG ").Append(channel).Append(" :").Append(Stopwatch.GetTimestamp()).Append(' ').Append(padding).Append("\r\n");
                    sent++;
                }

                await sender.SendAsync(batch.ToString());
            }

            Interlocked.Exchange(ref _measuring, 0);
            var seconds = Stopwatch.GetElapsedTime(measureStart).TotalSeconds;
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuStart;
            var delivered = Interlocked.Read(ref _delivered);
            var samples = _latencies.AsSpan(0, Math.Min(_latencyCount, _latencies.Length)).ToArray();
            Array.Sort(samples);
            return new FanOutResult(receivers, delivered / seconds, Percentile(samples, 0.50), Percentile(samples, 0.99), samples.Length == 0 ? 0 : Ms(samples[^1]), cpu.TotalSeconds / seconds);
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }
        }
    }

    private void OnLine(LoadClient client, IrcLine line)
    {
        if (!line.IsCommand("PRIVMSG"u8) || line.ParamCount < 2)
        {
            return;
        }

        var text = line.Param(1);
        var space = text.IndexOf((byte)' ');
        if (space <= 0 || !Utf8Parser.TryParse(text[..space], out long sentAt, out _))
        {
            return;
        }

        if (client.Nick.StartsWith("r0x", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _firstReceived);
        }

        if (Volatile.Read(ref _measuring) == 0)
        {
            return;
        }

        Interlocked.Increment(ref _delivered);
        var latency = Stopwatch.GetTimestamp() - sentAt;
        var index = Interlocked.Increment(ref _latencyCount) - 1;
        if (index < _latencies.Length)
        {
            _latencies[index] = latency;
        }
    }

    private static double Percentile(long[] sorted, double p) =>
        sorted.Length == 0 ? 0 : Ms(sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)]);

    private static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}

internal sealed record FanOutResult(int Receivers, double DeliveriesPerSecond, double P50Ms, double P99Ms, double MaxMs, double GeneratorCpuShare);
