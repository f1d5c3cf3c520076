using ApartiumChat.Protocol;
using ApartiumChat.Server.Node;

namespace ApartiumChat.Server.Commands;

/// <summary>NAMES #a,#b: members of each channel (an unknown channel just ends its list).</summary>
internal sealed class NamesCommand : CommandHandler
{
    public override string Name => IrcCommands.Names;

    public override void Handle(ClientConnection client, IrcMessage message)
    {
        if (message.Param(0) is not { } targets)
        {
            client.Reply(IrcNumerics.RplEndOfNames, "*", "End of /NAMES list");
            return;
        }

        foreach (var name in targets.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            if (client.Cluster.FindChannel(name) is { } channel)
            {
                Replies.SendNames(client, channel);
            }
            else
            {
                client.Reply(IrcNumerics.RplEndOfNames, name, "End of /NAMES list");
            }
        }
    }
}
