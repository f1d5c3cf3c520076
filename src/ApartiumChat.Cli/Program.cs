using System.CommandLine;

var root = new RootCommand("ApartiumChat: an IRC chat server built for failover, a high-availability client, and a chaos lab.");
return await root.Parse(args).InvokeAsync();
