namespace ApartiumChat.Server.Commands;

/// <summary>The commands a server understands, built explicitly at start-up (no reflection, no static state).</summary>
internal sealed class CommandRegistry
{
    private readonly Dictionary<string, CommandHandler> _handlers = new(StringComparer.OrdinalIgnoreCase);

    private CommandRegistry(IEnumerable<CommandHandler> handlers)
    {
        foreach (var handler in handlers)
        {
            _handlers.Add(handler.Name, handler);
        }
    }

    public static CommandRegistry CreateDefault() => new(
    [
        new CapCommand(), new PassCommand(), new NickCommand(), new UserCommand(),
        new PingCommand(), new PongCommand(), new QuitCommand(), new HaCommand(),
        new JoinCommand(), new PartCommand(), new KickCommand(), new TopicCommand(), new NamesCommand(),
        new ModeCommand(), new MessageCommand("PRIVMSG"), new MessageCommand("NOTICE"), new MessageCommand("TAGMSG"),
        new WhoCommand(), new WhoisCommand(), new ListCommand(), new MotdCommand(), new LusersCommand(),
        new VersionCommand(), new ChatHistoryCommand(),
    ]);

    public CommandHandler? Find(string command) => _handlers.GetValueOrDefault(command);
}
