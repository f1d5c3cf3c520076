using System.CommandLine;
using ApartiumChat.Cli.Commands;

var root = new RootCommand("ApartiumChat: an IRC chat server built for failover, a high-availability client, and a chaos lab.");
root.Subcommands.Add(ServerCommand.Create());
root.Subcommands.Add(ClientCommand.Create());
return await root.Parse(args).InvokeAsync();
