namespace ApartiumChat.Protocol;

/// <summary>
/// Command names (verbs), in the upper case servers send.
/// </summary>
public static class IrcCommands
{
    public const string Cap = "CAP";

    public const string Authenticate = "AUTHENTICATE";

    public const string Pass = "PASS";

    public const string Nick = "NICK";

    public const string User = "USER";

    public const string Ping = "PING";

    public const string Pong = "PONG";

    public const string Oper = "OPER";

    public const string Quit = "QUIT";

    public const string Error = "ERROR";

    public const string Join = "JOIN";

    public const string Part = "PART";

    public const string Topic = "TOPIC";

    public const string Names = "NAMES";

    public const string List = "LIST";

    public const string Invite = "INVITE";

    public const string Kick = "KICK";

    public const string Motd = "MOTD";

    public const string Version = "VERSION";

    public const string Admin = "ADMIN";

    public const string Lusers = "LUSERS";

    public const string Time = "TIME";

    public const string Info = "INFO";

    public const string Help = "HELP";

    public const string Mode = "MODE";

    public const string Privmsg = "PRIVMSG";

    public const string Notice = "NOTICE";

    /// <summary>message-tags: a message with tags and no text.</summary>
    public const string Tagmsg = "TAGMSG";

    public const string Who = "WHO";

    public const string Whois = "WHOIS";

    public const string Whowas = "WHOWAS";

    public const string Kill = "KILL";

    public const string Away = "AWAY";

    public const string Userhost = "USERHOST";

    public const string Wallops = "WALLOPS";

    public const string Batch = "BATCH";

    /// <summary>draft/chathistory.</summary>
    public const string ChatHistory = "CHATHISTORY";

    /// <summary>labeled-response: the answer to a labelled command that has no other reply.</summary>
    public const string Ack = "ACK";

    /// <summary>Standard replies: a command failed.</summary>
    public const string Fail = "FAIL";

    /// <summary>Standard replies: a warning.</summary>
    public const string Warn = "WARN";

    /// <summary>Standard replies: information.</summary>
    public const string Note = "NOTE";

    /// <summary>The apartium.chat/ha command (see <see cref="HaSubcommands"/>).</summary>
    public const string Ha = "HA";
}
