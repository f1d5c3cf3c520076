using System.Globalization;
using ApartiumChat.Protocol;
using ApartiumChat.Server.Messages;
using ApartiumChat.Server.Options;

namespace ApartiumChat.Server.Node;

/// <summary>What the server advertises: capabilities (CAP LS) and ISUPPORT tokens (005).</summary>
internal sealed class ServerFeatures
{
    /// <summary>Capabilities offered, in the order CAP LS lists them.</summary>
    public static readonly IReadOnlyList<(string Name, ClientCapabilities Flag)> Capabilities =
    [
        (IrcCapabilities.MessageTags, ClientCapabilities.MessageTags),
        (IrcCapabilities.ServerTime, ClientCapabilities.ServerTime),
        (IrcCapabilities.EchoMessage, ClientCapabilities.EchoMessage),
        (IrcCapabilities.LabeledResponse, ClientCapabilities.LabeledResponse),
        (IrcCapabilities.Batch, ClientCapabilities.Batch),
        (IrcCapabilities.ChatHistory, ClientCapabilities.ChatHistory),
        (IrcCapabilities.ApartiumHa, ClientCapabilities.Ha),
        ("cap-notify", ClientCapabilities.CapNotify),
        ("multi-prefix", ClientCapabilities.MultiPrefix),
    ];

    public ServerFeatures(IrcServerOptions options)
    {
        var limits = options.Limits;
        ISupport =
        [
            $"NETWORK={options.NetworkName}",
            $"CASEMAPPING={options.CaseMapping}",
            "CHANTYPES=#&",
            "PREFIX=(ov)@+",
            "CHANMODES=b,k,l,mnt",
            "MODES=6",
            $"NICKLEN={Invariant(limits.NickLength)}",
            $"CHANNELLEN={Invariant(limits.ChannelLength)}",
            $"TOPICLEN={Invariant(limits.TopicLength)}",
            $"KICKLEN={Invariant(limits.TopicLength)}",
            $"CHANLIMIT=#&:{Invariant(limits.MaxChannelsPerClient)}",
            $"MAXLIST=b:{Invariant(limits.MaxBansPerChannel)}",
            $"TARGMAX=PRIVMSG:{Invariant(limits.MaxTargets)},NOTICE:{Invariant(limits.MaxTargets)},TAGMSG:{Invariant(limits.MaxTargets)},JOIN:{Invariant(limits.MaxTargets)},PART:{Invariant(limits.MaxTargets)}",
            $"CHATHISTORY={Invariant(options.History.MaxMessagesPerRequest)}",
            "MSGREFTYPES=msgid,timestamp",
            $"LINELEN={Invariant(limits.MaxLineBytes)}",
            "UTF8ONLY",
        ];
        CapabilityList = string.Join(' ', Capabilities.Select(c => c.Name));
    }

    /// <summary>ISUPPORT tokens, without the trailing text.</summary>
    public IReadOnlyList<string> ISupport { get; }

    public string CapabilityList { get; }

    public static ClientCapabilities? Find(string name)
    {
        foreach (var (capability, flag) in Capabilities)
        {
            if (string.Equals(capability, name, StringComparison.Ordinal))
            {
                return flag;
            }
        }

        return null;
    }

    public static IEnumerable<string> Names(ClientCapabilities enabled) =>
        Capabilities.Where(c => enabled.HasFlag(c.Flag)).Select(c => c.Name);

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
