using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ApartiumChat.Cli.Configuration;
using ApartiumChat.Server.Node;
using ApartiumChat.Server.Options;
using ApartiumChat.Transport;
using Microsoft.Extensions.Configuration;

namespace ApartiumChat.Cli.Hosting;

/// <summary>
/// What <c>apartium server</c> runs: the server options, and the nodes with their endpoints.
/// Read from, in rising precedence: defaults, <c>appsettings.json</c> (or <c>--config</c>),
/// environment variables <c>APARTIUM_Server__...</c>, and command-line options.
/// </summary>
internal sealed record ServerSettings(IrcServerOptions Options, IReadOnlyList<NodeSettings> Nodes)
{
    public const int DefaultPort = 6667;
    public const int DefaultTlsPort = 6697;

    /// <summary>Reads and validates everything; on any problem, returns them all.</summary>
    public static (ServerSettings? Settings, IReadOnlyList<string> Problems) Load(IConfiguration configuration)
    {
        var problems = new List<string>();
        var section = configuration.GetSection("Server");
        var hostKeys = new[] { "Listen", "TlsListen", "Certificate", "CertificatePassword" };
        var optionsSection = new ConfigurationBuilder()
            .AddInMemoryCollection(section.AsEnumerable(makePathsRelative: true)
                .Where(p => p.Value is not null && !hostKeys.Any(k => p.Key.Equals(k, StringComparison.OrdinalIgnoreCase) || p.Key.StartsWith(k + ":", StringComparison.OrdinalIgnoreCase)))
                .Select(p => KeyValuePair.Create("Server:" + p.Key, p.Value)))
            .Build()
            .GetSection("Server");
        var options = SettingsBinder.Bind(optionsSection, IrcServerOptions.Default, problems);
        problems.AddRange(options.Validate().Select(p => "Server:" + p));

        var listen = Endpoints(section.GetSection("Listen"), DefaultPort, problems);
        var tlsListen = Endpoints(section.GetSection("TlsListen"), DefaultTlsPort, problems);
        if (listen.Count == 0 && tlsListen.Count == 0)
        {
            listen.Add(new IPEndPoint(IPAddress.Loopback, DefaultPort));
        }

        var certificate = tlsListen.Count > 0 ? LoadCertificate(section, problems) : null;
        if (tlsListen.Count > 0 && section["Certificate"] is null)
        {
            problems.Add("Server:TlsListen needs Server:Certificate (a .pfx file, --certificate)");
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var count = Math.Max(listen.Count, tlsListen.Count);
        var nodes = Enumerable.Range(0, count).Select(i => new NodeSettings(
            count == 1 ? options.ServerName : $"s{i}.{options.ServerName}",
            [
                .. i < listen.Count ? [new ServerEndpoint(listen[i])] : Array.Empty<ServerEndpoint>(),
                .. i < tlsListen.Count ? [new ServerEndpoint(tlsListen[i], certificate)] : Array.Empty<ServerEndpoint>(),
            ])).ToList();
        return (new ServerSettings(options, nodes), []);
    }

    private static List<EndPoint> Endpoints(IConfigurationSection section, int defaultPort, List<string> problems)
    {
        var texts = section.Value is { } single ? [single] : section.GetChildren().Select(c => c.Value ?? string.Empty).ToList();
        var endpoints = new List<EndPoint>();
        foreach (var text in texts)
        {
            if (NetworkAddress.TryParse(text, defaultPort, out var endpoint, out var error))
            {
                endpoints.Add(endpoint);
            }
            else
            {
                problems.Add($"{section.Path}: {error}");
            }
        }

        return endpoints;
    }

    private static X509Certificate2? LoadCertificate(IConfigurationSection section, List<string> problems)
    {
        if (section["Certificate"] is not { } path)
        {
            return null;
        }

        try
        {
            return X509CertificateLoader.LoadPkcs12FromFile(path, section["CertificatePassword"]);
        }
        catch (Exception e) when (e is IOException or CryptographicException or UnauthorizedAccessException)
        {
            problems.Add($"Server:Certificate: cannot load '{path}': {e.Message}");
            return null;
        }
    }
}

/// <summary>One node of the embedded cluster: its name and where it listens.</summary>
internal sealed record NodeSettings(string Name, IReadOnlyList<ServerEndpoint> Endpoints);
