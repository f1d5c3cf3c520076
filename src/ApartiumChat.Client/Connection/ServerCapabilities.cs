using ApartiumChat.Protocol;

namespace ApartiumChat.Client.Connection;

/// <summary>The IRCv3 capabilities the client asks for, and what each one gives it.</summary>
[Flags]
internal enum ServerCapabilities
{
    None = 0,

    /// <summary>Tags at all: labels, msgids and idempotency keys ride on them.</summary>
    MessageTags = 1,

    /// <summary>Times on messages: where history replay by timestamp starts.</summary>
    ServerTime = 2,

    /// <summary>Own messages come back: the acknowledgement of a send.</summary>
    EchoMessage = 4,

    /// <summary>Replies carry the command's label: acknowledgements and refusals match their send.</summary>
    LabeledResponse = 8,

    /// <summary>History comes in a batch: the client knows where a replay page ends.</summary>
    Batch = 16,

    /// <summary>CHATHISTORY: missed messages can be fetched.</summary>
    ChatHistory = 32,

    /// <summary>apartium.chat/ha: resume, idempotent sends, shutdown notices.</summary>
    Ha = 64,
}

/// <summary>Capability names on the wire.</summary>
internal static class ServerCapabilityNames
{
    public static readonly IReadOnlyList<(string Name, ServerCapabilities Flag)> Wanted =
    [
        (IrcCapabilities.MessageTags, ServerCapabilities.MessageTags),
        (IrcCapabilities.ServerTime, ServerCapabilities.ServerTime),
        (IrcCapabilities.EchoMessage, ServerCapabilities.EchoMessage),
        (IrcCapabilities.LabeledResponse, ServerCapabilities.LabeledResponse),
        (IrcCapabilities.Batch, ServerCapabilities.Batch),
        (IrcCapabilities.ChatHistory, ServerCapabilities.ChatHistory),
        (IrcCapabilities.ApartiumHa, ServerCapabilities.Ha),
    ];

    public static ServerCapabilities Parse(IEnumerable<string> names)
    {
        var result = ServerCapabilities.None;
        foreach (var name in names)
        {
            // CAP LS 302 may give values ("sasl=PLAIN"): the name is before '='.
            var bare = name.Split('=', 2)[0];
            foreach (var (wanted, flag) in Wanted)
            {
                if (string.Equals(bare, wanted, StringComparison.Ordinal))
                {
                    result |= flag;
                }
            }
        }

        return result;
    }

    public static IEnumerable<string> Names(ServerCapabilities capabilities) =>
        Wanted.Where(w => (capabilities & w.Flag) != 0).Select(w => w.Name);
}
