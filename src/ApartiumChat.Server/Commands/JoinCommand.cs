using ApartiumChat.Protocol;
using ApartiumChat.Server.Cluster;
using ApartiumChat.Server.Node;

namespace ApartiumChat.Server.Commands;

/// <summary>JOIN #a,#b [key1,key2] | JOIN 0 (part all).</summary>
internal sealed class JoinCommand : CommandHandler
{
    public override string Name => IrcCommands.Join;

    public override int MinimumParameters => 1;

    public override void Handle(ClientConnection client, IrcMessage message)
    {
        var session = client.Session!;
        if (message.Params[0] == "0")
        {
            foreach (var channel in client.Cluster.ChannelsOf(session))
            {
                client.Cluster.Part(session, channel.TrimStart('@', '+'), "Left all channels");
            }

            return;
        }

        var channels = message.Params[0].Split(',', StringSplitOptions.RemoveEmptyEntries);
        var keys = message.Param(1)?.Split(',') ?? [];
        var limits = client.Server.Options.Limits;
        for (var i = 0; i < channels.Length; i++)
        {
            var name = channels[i];
            if (i >= limits.MaxTargets)
            {
                client.Reply("407", name, "Too many targets");
                continue;
            }

            if (!ChannelName.IsValid(name, ChannelName.DefaultChannelTypes, limits.ChannelLength))
            {
                client.Reply(IrcNumerics.ErrNoSuchChannel, name, "No such channel");
                continue;
            }

            var (view, error) = client.Cluster.Join(session, name, i < keys.Length ? keys[i] : null);
            if (error == ClusterError.AlreadyOnChannel)
            {
                continue; // joining a channel twice is a no-op
            }

            if (view is null)
            {
                Replies.SendError(client, error, name);
                continue;
            }

            Replies.SendTopicIfSet(client, view);
            Replies.SendNames(client, view);
        }
    }
}
