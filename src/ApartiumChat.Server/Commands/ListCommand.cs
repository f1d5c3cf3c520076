using System.Globalization;
using ApartiumChat.Protocol;
using ApartiumChat.Server.Node;

namespace ApartiumChat.Server.Commands;

/// <summary>LIST [#a,#b]: 321, a 322 per channel, 323.</summary>
internal sealed class ListCommand : CommandHandler
{
    public override string Name => IrcCommands.List;

    public override void Handle(ClientConnection client, IrcMessage message)
    {
        var wanted = message.Param(0)?.Split(',', StringSplitOptions.RemoveEmptyEntries);
        var channels = wanted is null
            ? client.Cluster.Channels()
            : wanted.Select(name => client.Cluster.FindChannel(name)).OfType<Cluster.ChannelView>().ToList();
        client.Reply(IrcNumerics.RplListStart, "Channel", "Users  Name");
        foreach (var channel in channels)
        {
            client.Reply(IrcNumerics.RplList, channel.Name, channel.Members.Count.ToString(CultureInfo.InvariantCulture), channel.Topic ?? string.Empty);
        }

        client.Reply(IrcNumerics.RplListEnd, "End of /LIST");
    }
}
