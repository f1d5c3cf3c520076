using ApartiumChat.Protocol;
using ApartiumChat.Server.Cluster;
using ApartiumChat.Server.Node;

namespace ApartiumChat.Server.Commands;

/// <summary>PART #a,#b [reason].</summary>
internal sealed class PartCommand : CommandHandler
{
    public override string Name => IrcCommands.Part;

    public override int MinimumParameters => 1;

    public override void Handle(ClientConnection client, IrcMessage message)
    {
        foreach (var channel in message.Params[0].Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var error = client.Cluster.Part(client.Session!, channel, message.Param(1));
            if (error != ClusterError.None)
            {
                Replies.SendError(client, error, channel);
            }
        }
    }
}
