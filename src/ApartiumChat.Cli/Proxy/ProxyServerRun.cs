using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ApartiumChat.Faults;
using ApartiumChat.Faults.Api;
using ApartiumChat.Transport;
using ApartiumChat.Transport.Tcp;
using Microsoft.Extensions.Logging;

namespace ApartiumChat.Cli.Proxy;

/// <summary><c>apartium proxy</c>: the proxies of the config file, the control API, until Ctrl+C.</summary>
internal static class ProxyServerRun
{
    public static async Task<int> RunAsync(Settings settings, Func<IEnumerable<string>, int> fail, CancellationToken cancellationToken)
    {
        if (!ProxyAddress.TryParse(settings.Api, out var apiAddress, out var error))
        {
            return fail([$"--api: {error}"]);
        }

        IPEndPoint api;
        try
        {
            api = await ResolveAsync(apiAddress, cancellationToken);
        }
        catch (SocketException e)
        {
            return fail([$"--api: cannot resolve '{settings.Api}': {e.Message}"]);
        }

        IReadOnlyList<ProxyDefinition> definitions = [];
        if (settings.Config is { } file)
        {
            try
            {
                definitions = ProxyConfigFile.Load(file.FullName);
            }
            catch (FaultProxyException e)
            {
                return fail([$"--config {e.Message}"]);
            }
        }

        var seed = settings.Seed ?? new SecureRandom().NextInt64(0, int.MaxValue);
        using var loggers = LoggerFactory.Create(logging => logging
            .AddSimpleConsole(console =>
            {
                console.SingleLine = true;
                console.TimestampFormat = "HH:mm:ss.fff ";
            })
            .SetMinimumLevel(settings.Quiet ? LogLevel.Warning : LogLevel.Information));
        var transport = new TcpTransport();
        await using var registry = new ProxyRegistry(transport, transport, TimeProvider.System, seed, loggers);
        try
        {
            await registry.PopulateAsync(definitions, cancellationToken);
        }
        catch (FaultProxyException e)
        {
            return fail([$"--config {settings.Config?.FullName}: {e.Message}"]);
        }

        ToxiproxyServer server;
        try
        {
            server = await ToxiproxyServer.StartAsync(api, registry, cancellationToken);
        }
        catch (FaultProxyException e)
        {
            return fail([$"--api: {e.Message}"]);
        }

        await using (server)
        {
            var endPoint = ProxyAddress.Format(server.EndPoint);
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"apartium proxy: control API on http://{endPoint} (Toxiproxy {ToxiproxyServer.Version} compatible), seed {seed}"));
            foreach (var proxy in await registry.ListAsync(cancellationToken))
            {
                Console.WriteLine($"  {proxy.Name}: {ProxyAddress.Format(proxy.Listen)} -> {ProxyAddress.Format(proxy.Upstream)}{(proxy.Enabled ? string.Empty : " (disabled)")}");
            }

            Console.WriteLine("Press Ctrl+C to stop.");
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C or SIGTERM: stop cleanly.
            }
        }

        Console.WriteLine("apartium proxy: stopped");
        return 0;
    }

    private static async Task<IPEndPoint> ResolveAsync(EndPoint endPoint, CancellationToken cancellationToken)
    {
        switch (endPoint)
        {
            case IPEndPoint ip:
                return ip;
            case DnsEndPoint { Host: var host } dns when host.Equals("localhost", StringComparison.OrdinalIgnoreCase):
                return new IPEndPoint(IPAddress.Loopback, dns.Port);
            case DnsEndPoint dns:
                var addresses = await Dns.GetHostAddressesAsync(dns.Host, cancellationToken);
                return addresses.Length > 0
                    ? new IPEndPoint(addresses[0], dns.Port)
                    : throw new SocketException((int)SocketError.HostNotFound);
            default:
                throw new SocketException((int)SocketError.AddressFamilyNotSupported);
        }
    }

    internal sealed record Settings(string Api, FileInfo? Config, long? Seed, bool Quiet);
}
