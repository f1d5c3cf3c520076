using System.CommandLine;
using ApartiumChat.Cli.Commands;

var root = new RootCommand("ApartiumChat: an IRC chat server built for failover, a high-availability client, and a chaos lab.");
root.Subcommands.Add(ServerCommand.Create());
root.Subcommands.Add(ClientCommand.Create());
root.Subcommands.Add(ProxyCommand.Create());
root.Subcommands.Add(ScenarioCommand.Create());
root.Subcommands.Add(BenchCommand.Create());

var parse = root.Parse(args.Length == 0 ? ["--help"] : args);
if (parse.Errors.Count > 0)
{
    // Bad arguments exit with 2 (System.CommandLine's default is 1), as the scenario contract
    // wants for every command: nothing ran.
    var command = string.Join(' ', parse.CommandResult.Command.Parents.OfType<Command>().Reverse().Select(c => c.Name).Append(parse.CommandResult.Command.Name).Where(n => n != root.Name).Prepend("apartium"));
    foreach (var error in parse.Errors)
    {
        await Console.Error.WriteLineAsync($"{command}: {error.Message}");
    }

    await Console.Error.WriteLineAsync($"Run '{command} --help' for usage.");
    return 2;
}

return await parse.InvokeAsync();
