using System.CommandLine;
using System.Globalization;
using ApartiumChat.Cli.Bench;
using ApartiumChat.Cli.Configuration;
using ApartiumChat.Cli.Hosting;
using ApartiumChat.Transport;

namespace ApartiumChat.Cli.Commands;

/// <summary>
/// <c>apartium bench</c>: loads any IRC server (ours or a peer) over plain IRC, prints the
/// figures and adds them to <c>reports/bench/&lt;UTC timestamp&gt;/results.json</c> with charts;
/// <c>apartium bench report</c> prints the side-by-side table of a folder.
/// </summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var command = new Command("bench", "Load-test an IRC server (any server: it speaks plain IRC) and compare servers side by side.");
        command.Subcommands.Add(Workload(BenchWorkload.FanOut, "fanout", "One sender, N receivers on one channel: deliveries/s and latency.", 50));
        command.Subcommands.Add(Workload(BenchWorkload.Chatter, "chatter", "N clients on one channel, all sending: deliveries/s and latency.", 50));
        command.Subcommands.Add(Workload(BenchWorkload.Channels, "channels", "N pairs, each in its own channel (one sends, one receives): deliveries/s and latency.", 200));
        command.Subcommands.Add(Workload(BenchWorkload.Storm, "storm", "N clients connect and register as fast as allowed (or at --rate): connections/s.", 2000));
        command.Subcommands.Add(Workload(BenchWorkload.Idle, "idle", "Hold N registered idle clients: server memory per connection (needs --server-pid).", 10000));
        command.Subcommands.Add(Workload(BenchWorkload.Heartbeat, "heartbeat", "Server CPU spent on N idle HA clients' heartbeats, per interval, over N idle plain clients (needs --server-pid).", 1000));
        command.Subcommands.Add(Report());
        return command;
    }

    private static Command Workload(BenchWorkload workload, string name, string description, int defaultClients)
    {
        var target = new Option<string>("--target") { Description = "Server address, host:port.", DefaultValueFactory = _ => "127.0.0.1:6667" };
        var label = new Option<string>("--label") { Description = "The server's name in tables and charts (apartium, inspircd, ngircd).", DefaultValueFactory = _ => "server" };
        var pid = new Option<int?>("--server-pid") { Description = "Process id of the server: its CPU time and memory are read from /proc." };
        var clients = new Option<int>("--clients") { Description = "Receivers (fanout), senders (chatter), pairs (channels) or connections (storm, idle, heartbeat).", DefaultValueFactory = _ => defaultClients };
        var duration = new Option<string>("--duration") { Description = "Measured time, after the warm-up.", DefaultValueFactory = _ => "10s" };
        var warmUp = new Option<string>("--warm-up") { Description = "Time under load before measuring.", DefaultValueFactory = _ => "3s" };
        var window = new Option<int>("--window") { Description = "Messages per sender in flight at most (sent, not yet received by all its receivers).", DefaultValueFactory = _ => BenchSettings.Default.Window };
        var size = new Option<int>("--size") { Description = "Message text bytes (32-400).", DefaultValueFactory = _ => BenchSettings.Default.MessageBytes };
        var concurrency = new Option<int>("--concurrency") { Description = "Connections being set up at once.", DefaultValueFactory = _ => BenchSettings.Default.Concurrency };
        var rate = new Option<double?>("--rate") { Description = "Storm: new connections per second; message workloads: messages per second per sender (default: as fast as the server takes them)." };
        var settle = new Option<string>("--settle") { Description = "Idle: wait after the last client registered, before reading memory.", DefaultValueFactory = _ => "5s" };
        var intervals = new Option<string>("--intervals") { Description = "Heartbeat: the HA clients' heartbeat intervals, comma-separated.", DefaultValueFactory = _ => "1s,100ms" };
        var output = new Option<string?>("--out") { Description = "Folder for results.json and charts; results are added to what it holds (default: reports/bench/<UTC timestamp>/)." };
        var command = new Command(name, description) { target, label, pid, clients, duration, warmUp, window, size, concurrency, rate, settle, intervals, output };
        command.SetAction(async (parse, cancel) =>
        {
            SocketEngine.UseInlineCompletions();
            var problems = new List<string>();
            if (!NetworkAddress.TryParse(parse.GetValue(target), 6667, out var endPoint, out var error))
            {
                problems.Add($"--target: {error}");
            }

            var settings = new BenchSettings
            {
                Target = endPoint ?? BenchSettings.Default.Target,
                Label = parse.GetValue(label)!,
                ServerPid = parse.GetValue(pid),
                Clients = parse.GetValue(clients),
                Duration = Duration(parse.GetValue(duration), "--duration", problems),
                WarmUp = Duration(parse.GetValue(warmUp), "--warm-up", problems),
                Window = parse.GetValue(window),
                MessageBytes = parse.GetValue(size),
                Concurrency = parse.GetValue(concurrency),
                Rate = parse.GetValue(rate),
                Settle = Duration(parse.GetValue(settle), "--settle", problems),
                HeartbeatIntervals = [.. (parse.GetValue(intervals) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(i => Duration(i, "--intervals", problems))],
            };
            problems.AddRange(settings.Validate(workload));
            if (problems.Count > 0)
            {
                await Console.Error.WriteLineAsync($"apartium bench {name}: " + string.Join("; ", problems));
                return 2;
            }

            var folder = parse.GetValue(output) ?? BenchResults.NewFolder(Directory.GetCurrentDirectory());
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bench {name} against {settings.Label} at {NetworkAddress.Format(settings.Target)}; load average {ProcessProbe.LoadAverage().One:0.00}"));
            BenchResult result;
            try
            {
                result = await RunAsync(workload, settings, cancel);
            }
            catch (Exception e) when (e is IOException or InvalidOperationException or TimeoutException or System.Net.Sockets.SocketException)
            {
                await Console.Error.WriteLineAsync($"apartium bench {name}: {e.Message}");
                return 1;
            }

            var results = BenchResults.Load(folder);
            results.Results.Add(result);
            results.Save(folder);
            BenchCharts.WriteAll(results, folder);
            var single = new BenchResults { Results = [result] };
            Console.Write(BenchTable.Render(single));
            Console.Write(BenchTable.Conditions(single));
            Console.WriteLine($"results: {Path.Combine(folder, BenchResults.FileName)}");
            return 0;
        });
        return command;
    }

    private static Command Report()
    {
        var folder = new Argument<string>("folder") { Description = "A bench folder (reports/bench/<timestamp>) holding results.json." };
        var command = new Command("report", "Print the side-by-side table (with ratios) of a bench folder and redraw its charts.") { folder };
        command.SetAction(async (parse, cancel) =>
        {
            var path = parse.GetValue(folder)!;
            if (!File.Exists(Path.Combine(path, BenchResults.FileName)))
            {
                await Console.Error.WriteLineAsync($"apartium bench report: no {BenchResults.FileName} in {path}");
                return 2;
            }

            var results = BenchResults.Load(path);
            var charts = BenchCharts.WriteAll(results, path);
            var table = BenchTable.Render(results);
            var conditions = BenchTable.Conditions(results);
            await File.WriteAllTextAsync(Path.Combine(path, "results.md"), $"{table}\n{conditions}", cancel);
            Console.Write(table);
            Console.WriteLine();
            Console.Write(conditions);
            Console.WriteLine($"charts: {string.Join(", ", charts)} in {path}");
            return 0;
        });
        return command;
    }

    private static Task<BenchResult> RunAsync(BenchWorkload workload, BenchSettings settings, CancellationToken cancellationToken) => workload switch
    {
        BenchWorkload.Storm => StormWorkload.RunAsync(settings, cancellationToken),
        BenchWorkload.Idle => IdleWorkload.RunAsync(settings, cancellationToken),
        BenchWorkload.Heartbeat => HeartbeatWorkload.RunAsync(settings, cancellationToken),
        _ => new MessageTraffic(workload, settings).RunAsync(cancellationToken),
    };

    private static TimeSpan Duration(string? text, string option, List<string> problems)
    {
        if (text is not null && Durations.TryParse(text, out var value))
        {
            return value;
        }

        problems.Add($"{option}: '{text}' is not a duration (e.g. 10s, 500ms, 2m)");
        return TimeSpan.Zero;
    }
}
