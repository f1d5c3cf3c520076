using System.CommandLine;
using System.Globalization;
using ApartiumChat.Cli.Bench;
using ApartiumChat.Cli.Configuration;
using ApartiumChat.Transport;

namespace ApartiumChat.Cli.Commands;

/// <summary><c>apartium bench</c>: load any IRC server (ours or a peer) over plain IRC.</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var command = new Command("bench", "Load-test an IRC server (any server: it speaks plain IRC).");
        command.Subcommands.Add(FanOut());
        command.Subcommands.Add(Idle());
        return command;
    }

    private static Command FanOut()
    {
        var target = new Option<string>("--target") { Description = "Server address, host:port.", DefaultValueFactory = _ => "127.0.0.1:6667" };
        var receivers = new Option<int>("--receivers") { Description = "Receivers on the channel.", DefaultValueFactory = _ => 50 };
        var duration = new Option<string>("--duration") { Description = "Measured time (after the warm-up).", DefaultValueFactory = _ => "10s" };
        var warmUp = new Option<string>("--warm-up") { Description = "Time before measuring starts.", DefaultValueFactory = _ => "2s" };
        var window = new Option<int>("--window") { Description = "Messages in flight at most (sent, not yet seen by the first receiver).", DefaultValueFactory = _ => 200 };
        var size = new Option<int>("--size") { Description = "Message text bytes.", DefaultValueFactory = _ => 64 };
        var command = new Command("fanout", "One sender, N receivers on one channel: deliveries per second and latency.")
        {
            target, receivers, duration, warmUp, window, size,
        };
        command.SetAction(async (parse, cancel) =>
        {
            if (!NetworkAddress.TryParse(parse.GetValue(target), 6667, out var server, out var error)
                || !Durations.TryParse(parse.GetValue(duration)!, out var measured)
                || !Durations.TryParse(parse.GetValue(warmUp)!, out var warm))
            {
                await Console.Error.WriteLineAsync($"apartium bench fanout: {error ?? "bad duration"}");
                return 2;
            }

            var bench = new FanOutBench(maxSamples: 20_000_000);
            var result = await bench.RunAsync(server, parse.GetValue(receivers), warm, measured, parse.GetValue(window), parse.GetValue(size), cancel);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"fan-out 1 -> {result.Receivers}: {result.DeliveriesPerSecond:F0} deliveries/s, latency p50 {result.P50Ms:F2} ms, p99 {result.P99Ms:F2} ms, max {result.MaxMs:F2} ms; load generator used {result.GeneratorCpuShare:P0} of a core"));
            return 0;
        });
        return command;
    }

    private static Command Idle()
    {
        var target = new Option<string>("--target") { Description = "Server address, host:port.", DefaultValueFactory = _ => "127.0.0.1:6667" };
        var connections = new Option<int>("--connections") { Description = "Registered idle clients to hold.", DefaultValueFactory = _ => 2000 };
        var pid = new Option<int>("--server-pid") { Description = "Process id of the server, to read its resident memory.", Required = true };
        var settle = new Option<string>("--settle") { Description = "Wait after connecting before measuring.", DefaultValueFactory = _ => "5s" };
        var command = new Command("idle", "Hold N registered idle clients: memory per connection (server RSS after - before) / N.")
        {
            target, connections, pid, settle,
        };
        command.SetAction(async (parse, cancel) =>
        {
            if (!NetworkAddress.TryParse(parse.GetValue(target), 6667, out var server, out var error) || !Durations.TryParse(parse.GetValue(settle)!, out var wait))
            {
                await Console.Error.WriteLineAsync($"apartium bench idle: {error ?? "bad duration"}");
                return 2;
            }

            var result = await IdleBench.RunAsync(server, parse.GetValue(connections), parse.GetValue(pid), wait, cancel);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"idle {result.Connections}: {result.ConnectionsPerSecond:F0} connections/s; server RSS {result.RssBefore / 1048576.0:F1} MiB -> {result.RssAfter / 1048576.0:F1} MiB = {result.BytesPerConnection / 1024:F1} KiB per connection"));
            return 0;
        });
        return command;
    }
}
