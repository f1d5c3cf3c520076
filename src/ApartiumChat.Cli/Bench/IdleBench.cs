using System.Diagnostics;
using System.Globalization;
using System.Net;
using ApartiumChat.Transport.Tcp;

namespace ApartiumChat.Cli.Bench;

/// <summary>
/// Idle hold: N registered clients doing nothing; the server's resident memory (read from
/// /proc of its process) before and after, divided by N.
/// </summary>
internal static class IdleBench
{
    public static async Task<IdleResult> RunAsync(EndPoint server, int connections, int serverPid, TimeSpan settle, CancellationToken cancellationToken)
    {
        var transport = new TcpTransport();
        var before = ResidentBytes(serverPid);
        var clients = new List<LoadClient>(connections);
        var start = Stopwatch.GetTimestamp();
        try
        {
            for (var i = 0; i < connections; i++)
            {
                clients.Add(await LoadClient.ConnectAsync(transport, server, $"idle{i}x{Environment.ProcessId % 1000}", null, cancellationToken));
            }

            var connectSeconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            await Task.Delay(settle, cancellationToken);
            var after = ResidentBytes(serverPid);
            return new IdleResult(connections, connections / connectSeconds, before, after, (after - before) / (double)connections);
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }
        }
    }

    public static long ResidentBytes(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                var kb = long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                return kb * 1024;
            }
        }

        throw new InvalidOperationException($"no VmRSS for process {pid}");
    }
}

internal sealed record IdleResult(int Connections, double ConnectionsPerSecond, long RssBefore, long RssAfter, double BytesPerConnection);
