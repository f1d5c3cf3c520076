using System.CommandLine;
using ApartiumChat.Cli.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace ApartiumChat.Cli.Commands;

/// <summary><c>apartium server</c>: runs a server, or an embedded cluster of several nodes.</summary>
internal static class ServerCommand
{
    public static Command Create()
    {
        var listen = new Option<string[]>("--listen")
        {
            Description = "Address to listen on, host:port (default 127.0.0.1:6667). Give it several times for an embedded cluster: one node per address, sharing nicks, channels and history.",
            HelpName = "address",
            AllowMultipleArgumentsPerToken = false,
        };
        var tlsListen = new Option<string[]>("--tls-listen")
        {
            Description = "Address for TLS connections (default port 6697); the n-th one belongs to the n-th node. Needs --certificate.",
            HelpName = "address",
        };
        var certificate = new Option<string?>("--certificate") { Description = "PKCS#12 (.pfx) file with the TLS certificate and key.", HelpName = "file" };
        var certificatePassword = new Option<string?>("--certificate-password") { Description = "Password of the .pfx file, if any.", HelpName = "password" };
        var name = new Option<string?>("--name") { Description = "Server name (default apartium.local; nodes of a cluster are s0.<name>, s1.<name>, ...).", HelpName = "name" };
        var password = new Option<string?>("--password") { Description = "Server password clients must send with PASS.", HelpName = "password" };
        var config = new Option<string?>("--config") { Description = "Settings file (JSON; default: appsettings.json in the current directory, if there is one).", HelpName = "file" };
        var set = new Option<string[]>("--set")
        {
            Description = "Any setting, as Key=Value under Server, e.g. --set Limits:MaxConnections=50000 --set Ha:ResumeRetention=5m. Environment variables work too: APARTIUM_Server__Limits__MaxConnections=50000.",
            HelpName = "key=value",
        };
        var logLevel = new Option<LogLevel>("--log-level") { Description = "Least severe log level shown.", DefaultValueFactory = _ => LogLevel.Information };

        var command = new Command("server", "Run an IRC server (with --listen given several times: an embedded cluster of nodes).")
        {
            listen, tlsListen, certificate, certificatePassword, name, password, config, set, logLevel,
        };
        command.SetAction(async (parse, stop) =>
        {
            SocketEngine.UseInlineCompletions();
            var overrides = new List<KeyValuePair<string, string?>>();
            var problems = new List<string>();
            AddList(overrides, "Server:Listen", parse.GetValue(listen));
            AddList(overrides, "Server:TlsListen", parse.GetValue(tlsListen));
            Add(overrides, "Server:Certificate", parse.GetValue(certificate));
            Add(overrides, "Server:CertificatePassword", parse.GetValue(certificatePassword));
            Add(overrides, "Server:ServerName", parse.GetValue(name));
            Add(overrides, "Server:Password", parse.GetValue(password));
            foreach (var pair in parse.GetValue(set) ?? [])
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                if (equals <= 0)
                {
                    problems.Add($"--set {pair}: expected Key=Value");
                    continue;
                }

                Add(overrides, "Server:" + pair[..equals], pair[(equals + 1)..]);
            }

            var configuration = Build(parse.GetValue(config), overrides, problems);
            var (settings, invalid) = configuration is null ? (null, []) : ServerSettings.Load(configuration);
            problems.AddRange(invalid);
            if (settings is null || problems.Count > 0)
            {
                await Console.Error.WriteLineAsync("apartium server: invalid settings:\n  - " + string.Join("\n  - ", problems));
                return 2;
            }

            using var loggers = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(parse.GetValue(logLevel)));
            return await ServerHost.RunAsync(settings, loggers, Console.Out, stop);
        });
        return command;
    }

    private static IConfiguration? Build(string? file, List<KeyValuePair<string, string?>> overrides, List<string> problems)
    {
        var builder = new ConfigurationBuilder();
        var path = file ?? Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json");
        if (file is not null && !File.Exists(file))
        {
            problems.Add($"--config {file}: no such file");
            return null;
        }

        try
        {
            return builder
                .AddJsonFile(Path.GetFullPath(path), optional: file is null, reloadOnChange: false)
                .AddEnvironmentVariables("APARTIUM_")
                .AddInMemoryCollection(overrides)
                .Build();
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or IOException)
        {
            problems.Add($"{path}: {e.Message}{(e.InnerException is null ? string.Empty : " " + e.InnerException.Message)}");
            return null;
        }
    }

    private static void Add(List<KeyValuePair<string, string?>> overrides, string key, string? value)
    {
        if (value is not null)
        {
            overrides.Add(KeyValuePair.Create(key, (string?)value));
        }
    }

    private static void AddList(List<KeyValuePair<string, string?>> overrides, string key, string[]? values)
    {
        for (var i = 0; values is not null && i < values.Length; i++)
        {
            overrides.Add(KeyValuePair.Create($"{key}:{i}", (string?)values[i]));
        }
    }
}
