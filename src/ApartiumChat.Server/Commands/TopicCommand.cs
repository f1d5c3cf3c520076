using ApartiumChat.Protocol;
using ApartiumChat.Server.Node;

namespace ApartiumChat.Server.Commands;

/// <summary>TOPIC #channel [:new topic] (empty topic clears it).</summary>
internal sealed class TopicCommand : CommandHandler
{
    public override string Name => IrcCommands.Topic;

    public override int MinimumParameters => 1;

    public override void Handle(ClientConnection client, IrcMessage message)
    {
        var name = message.Params[0];
        if (message.Param(1) is not { } topic)
        {
            if (client.Cluster.FindChannel(name) is not { } channel)
            {
                client.Reply(IrcNumerics.ErrNoSuchChannel, name, "No such channel");
                return;
            }

            Replies.SendTopic(client, channel);
            return;
        }

        var (_, error) = client.Cluster.SetTopic(client.Session!, name, topic);
        if (error != Cluster.ClusterError.None)
        {
            Replies.SendError(client, error, name);
        }
    }
}
