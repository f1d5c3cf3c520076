using System.Globalization;
using System.Text;

namespace ApartiumChat.Server.Cluster;

/// <summary>Channel modes: +n (no outside messages), +t (topic by ops), +m (moderated), +k key, +l limit.</summary>
internal sealed class ChannelModes
{
    public bool NoOutsideMessages { get; set; } = true;

    public bool TopicOpsOnly { get; set; } = true;

    public bool Moderated { get; set; }

    public string? Key { get; set; }

    public int? Limit { get; set; }

    /// <summary>The mode string and its parameters, as RPL_CHANNELMODEIS shows them.</summary>
    public IReadOnlyList<string> Describe(bool showKey)
    {
        var flags = new StringBuilder("+");
        var parameters = new List<string>();
        if (Key is not null)
        {
            flags.Append('k');
            parameters.Add(showKey ? Key : "*");
        }

        if (Limit is { } limit)
        {
            flags.Append('l');
            parameters.Add(limit.ToString(CultureInfo.InvariantCulture));
        }

        if (Moderated)
        {
            flags.Append('m');
        }

        if (NoOutsideMessages)
        {
            flags.Append('n');
        }

        if (TopicOpsOnly)
        {
            flags.Append('t');
        }

        return [flags.ToString(), .. parameters];
    }
}
