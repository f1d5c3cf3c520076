using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ApartiumChat.Faults.Api;

/// <summary>
/// The HTTP control API, compatible with Toxiproxy 2.x (as of v2.12): the same routes, field
/// names, defaults, status codes and error body (<c>{"error": "...", "status": N}</c>), so
/// existing Toxiproxy clients and scripts work unchanged. It serves a <see cref="ProxyRegistry"/>
/// it does not own.
/// </summary>
/// <remarks>
/// <code>
///   GET/POST /proxies          GET/POST(PATCH)/DELETE /proxies/{proxy}
///   GET/POST /proxies/{proxy}/toxics
///   GET/POST(PATCH)/DELETE /proxies/{proxy}/toxics/{toxic}
///   POST /populate   POST /reset   GET /version   (+ GET /journal, an extension)
/// </code>
/// Like Toxiproxy, it refuses requests from browsers (a <c>Mozilla/</c> user agent), so a web
/// page cannot drive it.
/// </remarks>
public sealed partial class ToxiproxyServer : IAsyncDisposable
{
    /// <summary>The Toxiproxy version whose API this one implements, as <c>GET /version</c> reports it.</summary>
    public const string Version = "2.12.0";

    /// <summary>Largest request body accepted.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    private readonly WebApplication _app;

    private ToxiproxyServer(WebApplication app, ProxyRegistry registry, EndPoint endPoint)
    {
        _app = app;
        Registry = registry;
        EndPoint = endPoint;
    }

    public ProxyRegistry Registry { get; }

    /// <summary>Where the API listens (with the real port when port 0 was asked for).</summary>
    public EndPoint EndPoint { get; }

    /// <exception cref="FaultProxyException">The API address cannot be bound (<see cref="FaultErrorKind.ListenFailed"/>).</exception>
    public static async Task<ToxiproxyServer> StartAsync(
        IPEndPoint api,
        ProxyRegistry registry,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(registry);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Production",
        });
        builder.Logging.ClearProviders(); // the proxies log; the web host's chatter stays out of the way

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = MaxBodyBytes;
            kestrel.Listen(api);
        });

        var app = builder.Build();
        var server = new Routes(registry);
        server.Map(app);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException e)
        {
            await app.DisposeAsync();
            throw new FaultProxyException(
                FaultErrorKind.ListenFailed,
                $"listen tcp {ProxyAddress.Format(api)}: {(e.InnerException ?? e).Message}",
                e);
        }

        return new ToxiproxyServer(app, registry, BoundEndPoint(app, api));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static EndPoint BoundEndPoint(WebApplication app, IPEndPoint asked)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var first = addresses?.FirstOrDefault();
        if (first is not null && Uri.TryCreate(first, UriKind.Absolute, out var uri))
        {
            return new IPEndPoint(asked.Address, uri.Port);
        }

        return asked;
    }
}
