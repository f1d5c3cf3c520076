using System.CommandLine;
using ApartiumChat.Cli.Proxy;

namespace ApartiumChat.Cli.Commands;

/// <summary>
/// <c>apartium proxy</c>: the fault proxy with its Toxiproxy-compatible control API, and
/// <c>apartium proxy bench</c>, its overhead measured against socat.
/// </summary>
internal static class ProxyCommand
{
    public static Command Create()
    {
        var api = new Option<string>("--api")
        {
            Description = "Address of the HTTP control API (Toxiproxy 2.x compatible). Loopback unless you say otherwise.",
            HelpName = "host:port",
            DefaultValueFactory = _ => "127.0.0.1:8474",
        };
        var config = new Option<FileInfo?>("--config")
        {
            Description = "JSON file of proxies to create at start: Toxiproxy's format, "
                + "[{\"name\",\"listen\",\"upstream\",\"enabled\"}], each optionally with \"toxics\".",
            HelpName = "proxies.json",
        };
        var seed = new Option<long?>("--seed")
        {
            Description = "Master seed of every random decision (toxicity, jitter, slice sizes). Default: a random one, printed at start.",
        };
        var quiet = new Option<bool>("--quiet")
        {
            Description = "Log warnings and errors only.",
        };

        var command = new Command(
            "proxy",
            "Run the fault proxy: TCP proxies with toxics (latency, bandwidth, blackhole, timeout, reset_peer, refuse, "
            + "slicer, limit_data, slow_close), driven over an HTTP API compatible with Toxiproxy 2.x (as of v2.12): "
            + "GET/POST /proxies, GET/POST/DELETE /proxies/{name}, GET/POST /proxies/{name}/toxics, "
            + "GET/POST/DELETE /proxies/{name}/toxics/{toxic}, POST /populate, POST /reset, GET /version "
            + "(and GET /journal: every injection decision). Runs until Ctrl+C. "
            + "Exit codes: 0 stopped, 2 bad arguments or config, or an address that cannot be bound.");
        command.Options.Add(api);
        command.Options.Add(config);
        command.Options.Add(seed);
        command.Options.Add(quiet);
        CheckedAction? action = null;
        action = new CheckedAction("apartium proxy", (result, cancellationToken) => ProxyServerRun.RunAsync(
            new ProxyServerRun.Settings(result.GetValue(api)!, result.GetValue(config), result.GetValue(seed), result.GetValue(quiet)),
            problems => action!.Fail(result, problems),
            cancellationToken));
        command.Action = action;
        command.Subcommands.Add(CreateBench());
        return command;
    }

    private static Command CreateBench()
    {
        var pings = new Option<int>("--pings")
        {
            Description = "Ping-pongs measured per target (the targets take turns every 250).",
            DefaultValueFactory = _ => 20_000,
        };
        var payload = new Option<int>("--payload")
        {
            Description = "Bytes in each ping (and pong).",
            DefaultValueFactory = _ => 32,
        };
        var megabytes = new Option<int>("--megabytes")
        {
            Description = "Megabytes streamed through each target and round (echoed back, so they cross the relay twice).",
            DefaultValueFactory = _ => 512,
        };
        var rounds = new Option<int>("--rounds")
        {
            Description = "Streaming rounds; the targets take turns within each round so drift hits them alike.",
            DefaultValueFactory = _ => 3,
        };
        var socat = new Option<string>("--socat")
        {
            Description = "The socat executable (Debian package 'socat').",
            DefaultValueFactory = _ => "socat",
        };

        var command = new Command(
            "bench",
            "Measure what the proxy costs with no toxic, against a direct connection and against socat as a plain relay, "
            + "all to one local echo server in one run: round-trip time of small ping-pongs (median and p99, and what each "
            + "relay adds over direct) and streaming throughput (MB/s). Not a test: it prints a table.");
        command.Options.Add(pings);
        command.Options.Add(payload);
        command.Options.Add(megabytes);
        command.Options.Add(rounds);
        command.Options.Add(socat);
        CheckedAction? action = null;
        action = new CheckedAction("apartium proxy bench", (result, cancellationToken) => ProxyBenchmark.RunAsync(
            new ProxyBenchmark.Settings(result.GetValue(pings), result.GetValue(payload), result.GetValue(megabytes), result.GetValue(rounds), result.GetValue(socat)!),
            problems => action!.Fail(result, problems),
            cancellationToken));
        command.Action = action;
        return command;
    }
}
