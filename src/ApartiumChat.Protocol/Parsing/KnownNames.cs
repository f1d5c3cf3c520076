using System.Text;

namespace ApartiumChat.Protocol;

/// <summary>
/// The commands and tag keys that fill most lines, as shared strings: turning a parsed line
/// into an <see cref="IrcMessage"/> then allocates only what is particular to it.
/// </summary>
internal static class KnownNames
{
    private static readonly string[] Names =
    [
        IrcCommands.Privmsg, IrcCommands.Notice, IrcCommands.Tagmsg, IrcCommands.Ping, IrcCommands.Pong,
        IrcCommands.Join, IrcCommands.Part, IrcCommands.Quit, IrcCommands.Nick, IrcCommands.Mode,
        IrcCommands.Topic, IrcCommands.Batch, IrcCommands.Cap, IrcCommands.Ha, IrcCommands.Fail,
        IrcCommands.Error, IrcCommands.Kick, IrcCommands.Ack, IrcCommands.ChatHistory,
        IrcTagNames.MsgId, IrcTagNames.Time, IrcTagNames.Label, IrcTagNames.Batch,
        IrcTagNames.ApartiumIdempotencyKey, IrcTagNames.ApartiumDuplicate,
    ];

    public static string Get(ReadOnlySpan<byte> utf8)
    {
        foreach (var name in Names)
        {
            if (name.Length == utf8.Length && Ascii.Equals(utf8, name))
            {
                return name;
            }
        }

        return Encoding.UTF8.GetString(utf8);
    }
}
