using System.CommandLine;
using ApartiumChat.Cli.ClientConsole;

namespace ApartiumChat.Cli.Commands;

/// <summary><c>apartium client HOST[:PORT] ... --nick NAME [--channel #room]</c>: the high-availability chat client.</summary>
internal static class ClientCommand
{
    public static Command Create()
    {
        var servers = new Argument<string[]>("server")
        {
            Description = "Servers as host, host:port, 1.2.3.4:port or [::1]:port (default port 6667), most preferred first. They are called s0, s1, ... in messages.",
            Arity = ArgumentArity.OneOrMore,
        };
        var nick = new Option<string>("--nick") { Description = "Your nick.", HelpName = "name", Required = true };
        var channels = new Option<string[]>("--channel") { Description = "Channel to join (give it several times for several; the first is where plain lines go).", HelpName = "#room" };
        var user = new Option<string?>("--user") { Description = "User name sent with USER (default: the nick).", HelpName = "name" };
        var password = new Option<string?>("--password") { Description = "Server password (PASS).", HelpName = "password" };
        var heartbeat = new Option<string?>("--heartbeat") { Description = "Heartbeat interval (default 1s).", HelpName = "duration" };
        var timeout = new Option<string?>("--heartbeat-timeout") { Description = "Silence after which a server is declared dead (default 3s).", HelpName = "duration" };
        var connectTimeout = new Option<string?>("--connect-timeout") { Description = "Bound on one connection attempt, registration included (default 5s).", HelpName = "duration" };
        var holdDown = new Option<string?>("--failback-hold-down") { Description = "How long a preferred server must stay healthy before moving back to it (default 30s).", HelpName = "duration" };
        var noFailback = new Option<bool>("--no-failback") { Description = "Stay on the server reached after a failover." };
        var precise = new Option<bool>("--precise-times") { Description = "Show when each message arrived, to the millisecond (and when it was sent)." };

        var command = new Command("client", "Chat through a prioritized list of servers, failing over and back without losing or repeating a message. Type lines to talk; /help lists commands.")
        {
            servers, nick, channels, user, password, heartbeat, timeout, connectTimeout, holdDown, noFailback, precise,
        };
        command.SetAction(async (parse, stop) =>
        {
            var arguments = new ClientArguments(
                parse.GetValue(servers) ?? [],
                parse.GetValue(nick) ?? string.Empty,
                parse.GetValue(channels) ?? [],
                parse.GetValue(user),
                parse.GetValue(password),
                parse.GetValue(heartbeat),
                parse.GetValue(timeout),
                parse.GetValue(connectTimeout),
                parse.GetValue(holdDown),
                !parse.GetValue(noFailback));
            if (!arguments.TryBuildOptions(out var options, out var problems))
            {
                await Console.Error.WriteLineAsync("apartium client: invalid arguments:\n  - " + string.Join("\n  - ", problems));
                return 2;
            }

            return await new ChatSession(options, Console.In, Console.Out, parse.GetValue(precise)).RunAsync(stop);
        });
        return command;
    }
}
