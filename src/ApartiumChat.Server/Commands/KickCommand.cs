using ApartiumChat.Protocol;
using ApartiumChat.Server.Cluster;
using ApartiumChat.Server.Node;

namespace ApartiumChat.Server.Commands;

/// <summary>KICK #channel nick[,nick] [reason] (channel operators only).</summary>
internal sealed class KickCommand : CommandHandler
{
    public override string Name => IrcCommands.Kick;

    public override int MinimumParameters => 2;

    public override void Handle(ClientConnection client, IrcMessage message)
    {
        var channel = message.Params[0];
        var reason = message.Param(2) is { } text ? OutboundMessageText(client, text) : null;
        foreach (var nick in message.Params[1].Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var error = client.Cluster.Kick(client.Session!, channel, nick, reason);
            switch (error)
            {
                case ClusterError.None:
                    break;
                case ClusterError.UserNotInChannel:
                    client.Reply(IrcNumerics.ErrUserNotInChannel, nick, channel, "They aren't on that channel");
                    break;
                default:
                    Replies.SendError(client, error, channel);
                    break;
            }
        }
    }

    private static string OutboundMessageText(ClientConnection client, string text) =>
        Messages.OutboundMessage.FitText(text, client.Server.Options.Limits.TopicLength);
}
