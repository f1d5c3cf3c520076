using System.Globalization;
using ApartiumChat.Protocol;
using ApartiumChat.Server.Cluster;
using ApartiumChat.Server.History;
using ApartiumChat.Server.Messages;
using ApartiumChat.Server.Node;

namespace ApartiumChat.Server.Commands;

/// <summary>
/// CHATHISTORY LATEST|BEFORE|AFTER|AROUND|BETWEEN target ref [ref] limit (draft/chathistory),
/// answered with a <c>chathistory</c> batch, oldest message first.
/// </summary>
internal sealed class ChatHistoryCommand : CommandHandler
{
    public override string Name => IrcCommands.ChatHistory;

    public override int MinimumParameters => 1;

    public override void Handle(ClientConnection client, IrcMessage message)
    {
        var subcommand = message.Params[0].ToUpperInvariant();
        var expected = subcommand switch
        {
            "LATEST" or "BEFORE" or "AFTER" or "AROUND" => 4,
            "BETWEEN" => 5,
            _ => 0,
        };
        if (expected == 0)
        {
            client.Fail(Name, "INVALID_PARAMS", "Supported: LATEST, BEFORE, AFTER, AROUND, BETWEEN", subcommand);
            return;
        }

        if (message.Params.Length < expected)
        {
            client.Fail(Name, "NEED_MORE_PARAMS", "Not enough parameters", subcommand);
            return;
        }

        var target = message.Params[1];
        var first = ParseReference(message.Params[2], allowStar: subcommand == "LATEST", out var firstValid);
        var secondValid = true;
        var second = expected == 5 ? ParseReference(message.Params[3], allowStar: false, out secondValid) : null;
        if (!firstValid || !secondValid || !TryParseLimit(message.Params[expected - 1], out var limit))
        {
            client.Fail(Name, "INVALID_PARAMS", "References are msgid=<id> or timestamp=<server-time> (* for LATEST); the limit is a number", subcommand, target);
            return;
        }

        var result = client.Cluster.QueryHistory(client.Session!, target, new HistoryQuery(subcommand, first, second, limit));
        switch (result.Error)
        {
            case ClusterError.None:
                SendBatch(client, result);
                break;
            case ClusterError.UnknownMessageId:
                client.Fail(Name, "MESSAGE_ERROR", "Unknown or expired message id", subcommand, target);
                break;
            default:
                client.Fail(Name, "INVALID_TARGET", "No such channel you are in, or nick", subcommand, target);
                break;
        }
    }

    private static void SendBatch(ClientConnection client, HistoryResult result)
    {
        var batch = client.Capabilities.HasFlag(ClientCapabilities.Batch);
        var id = client.NewBatchId();
        if (batch)
        {
            client.SendFromServer(IrcCommands.Batch, "+" + id, IrcBatchTypes.ChatHistory, result.Target);
        }

        KeyValuePair<string, string?>[] tags = batch ? [new(IrcTagNames.Batch, id)] : [];
        foreach (var message in result.Messages)
        {
            client.SendLine(message.Encode(client.Capabilities, tags));
        }

        if (batch)
        {
            client.SendFromServer(IrcCommands.Batch, "-" + id);
        }
    }

    private static HistoryReference? ParseReference(string text, bool allowStar, out bool valid)
    {
        valid = true;
        if (text == "*" && allowStar)
        {
            return null;
        }

        if (text.StartsWith("msgid=", StringComparison.Ordinal) && text.Length > "msgid=".Length)
        {
            return HistoryReference.ForMsgId(text["msgid=".Length..]);
        }

        if (text.StartsWith("timestamp=", StringComparison.Ordinal) && ServerTime.TryParse(text.AsSpan("timestamp=".Length), out var time))
        {
            return HistoryReference.ForTime(time);
        }

        valid = false;
        return null;
    }

    private static bool TryParseLimit(string text, out int limit) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out limit) && limit > 0;
}
