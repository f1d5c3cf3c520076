using System.Net.Sockets;
using ApartiumChat.Server.Cluster;
using ApartiumChat.Server.Node;
using ApartiumChat.Transport;
using ApartiumChat.Transport.Tcp;
using Microsoft.Extensions.Logging;

namespace ApartiumChat.Cli.Hosting;

/// <summary>
/// Runs the nodes of one embedded cluster on real sockets until asked to stop, then shuts
/// them down gracefully (clients are told to move first).
/// </summary>
internal static class ServerHost
{
    public static async Task<int> RunAsync(ServerSettings settings, ILoggerFactory loggers, TextWriter output, CancellationToken stop)
    {
        var time = TimeProvider.System;
        // A read receives on the thread that handles the lines and a flush sends on the flushing
        // thread (see SocketPipeReader and SocketPipeWriter): no hop between threads per message.
        var transport = new TcpTransport();
        var cluster = new InProcessClusterBus(settings.Options, time, new SecureRandom());
        var servers = new List<IrcServer>();
        try
        {
            foreach (var node in settings.Nodes)
            {
                var server = new IrcServer(settings.Options with { ServerName = node.Name }, cluster, transport, time, loggers);
                servers.Add(server);
                await server.StartAsync(node.Endpoints, stop);
                foreach (var endpoint in server.EndPoints)
                {
                    await output.WriteLineAsync($"{node.Name} listening on {NetworkAddress.Format(endpoint)}");
                }
            }
        }
        catch (SocketException e)
        {
            await output.WriteLineAsync($"error: cannot listen: {e.Message} ({e.SocketErrorCode})");
            await StopAllAsync(servers);
            return 1;
        }

        await output.WriteLineAsync(settings.Nodes.Count > 1
            ? $"cluster of {settings.Nodes.Count} nodes running; Ctrl-C stops it gracefully"
            : "running; Ctrl-C stops it gracefully");
        try
        {
            await Task.Delay(Timeout.Infinite, stop);
        }
        catch (OperationCanceledException)
        {
            // Ctrl-C or SIGTERM.
        }

        await output.WriteLineAsync("shutting down: telling clients to move ...");
        await StopAllAsync(servers);
        await output.WriteLineAsync("stopped");
        return 0;
    }

    private static async Task StopAllAsync(List<IrcServer> servers)
    {
        await Task.WhenAll(servers.Select(s => s.DisposeAsync().AsTask()));
    }
}
