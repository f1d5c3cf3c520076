using System.Text;
using ApartiumChat.Protocol;
using ApartiumChat.Server.Cluster;
using ApartiumChat.Server.Messages;
using ApartiumChat.Server.Node;

namespace ApartiumChat.Server.Commands;

/// <summary>
/// PRIVMSG, NOTICE and TAGMSG to channels and nicks: the hot path. The cluster appends the
/// message to history and fans it out; the sender gets its echo (echo-message), which is
/// also the acknowledgement of an idempotent send.
/// </summary>
internal sealed class MessageCommand : CommandHandler
{
    private const int MaxKeyLength = 64;

    private readonly bool _hasText;

    public MessageCommand(string name)
    {
        Name = name;
        _hasText = name != IrcCommands.Tagmsg;
    }

    public override string Name { get; }

    public override void Handle(ClientConnection client, IrcMessage message)
    {
        if (message.Param(0) is not { Length: > 0 } targets)
        {
            client.Reply(IrcNumerics.ErrNoRecipient, $"No recipient given ({Name})");
            return;
        }

        var text = message.Param(1);
        if (_hasText && string.IsNullOrEmpty(text))
        {
            client.Reply(IrcNumerics.ErrNoTextToSend, "No text to send");
            return;
        }

        if (!TryGetIdempotencyKey(client, message, out var key))
        {
            return;
        }

        var clientTags = ClientTags(message);
        if (!targets.Contains(',', StringComparison.Ordinal))
        {
            Send(client, targets, text, clientTags, key); // the hot path: no split, no array
            return;
        }

        var names = targets.Split(',', StringSplitOptions.RemoveEmptyEntries);
        var maxTargets = client.Server.Options.Limits.MaxTargets;
        for (var i = 0; i < names.Length; i++)
        {
            if (i >= maxTargets)
            {
                client.Reply("407", names[i], "Too many targets");
                continue;
            }

            // With several targets, each one is its own send: scope the key to the target.
            Send(client, names[i], text, clientTags, names.Length > 1 && key is not null ? key + "@" + names[i] : key);
        }
    }

    private void Send(ClientConnection client, string target, string? text, IReadOnlyList<KeyValuePair<string, string>> clientTags, string? key) =>
        Send(client, target, new MessageDraft(Name, _hasText ? Fit(client, target, text!) : null, clientTags, key));

    private void Send(ClientConnection client, string target, MessageDraft draft)
    {
        var session = client.Session!;
        var result = ChannelName.StartsWithChannelType(target)
            ? client.Cluster.SendToChannel(session, target, draft)
            : client.Cluster.SendToNick(session, target, draft);
        if (result.Message is not { } sent)
        {
            Replies.SendError(client, result.Error, target);
            return;
        }

        var echo = client.Capabilities.HasFlag(ClientCapabilities.EchoMessage);
        if (result.IsDuplicate)
        {
            if (echo)
            {
                client.SendLine(sent.Encode(client.Capabilities, [new(IrcTagNames.ApartiumDuplicate, null)]));
            }

            return;
        }

        var toSelf = !ChannelName.StartsWithChannelType(target) && string.Equals(result.Target, session.Nick, StringComparison.Ordinal);
        if (echo || toSelf)
        {
            client.SendLine(sent.EncodedFor(client.Capabilities));
        }
    }

    private static IReadOnlyList<KeyValuePair<string, string>> ClientTags(IrcMessage message)
    {
        List<KeyValuePair<string, string>>? tags = null;
        foreach (var tag in message.Tags)
        {
            if (tag.IsClientOnly)
            {
                (tags ??= []).Add(KeyValuePair.Create(tag.Key, tag.Value));
            }
        }

        return tags is null ? [] : tags;
    }

    private static bool TryGetIdempotencyKey(ClientConnection client, IrcMessage message, out string? key)
    {
        key = null;
        if (!client.Capabilities.HasFlag(ClientCapabilities.Ha) || !message.TryGetTag(IrcTagNames.ApartiumIdempotencyKey, out var value))
        {
            return true;
        }

        if (value.Length is 0 or > MaxKeyLength || !value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '~' or '-'))
        {
            var shown = value.Length == 0 || value.Contains(' ', StringComparison.Ordinal) || value.StartsWith(':') ? "*" : value;
            client.Fail(IrcCommands.Ha, "INVALID_IDEMPOTENCY_KEY", "An idempotency key is 1 to 64 characters of A-Z a-z 0-9 . _ ~ -", shown);
            return false;
        }

        key = value;
        return true;
    }

    /// <summary>Cuts the text so the relayed line (with the sender's full source) fits the line limit.</summary>
    private string Fit(ClientConnection client, string target, string text)
    {
        var session = client.Session!;
        var overhead = 1 + Encoding.UTF8.GetByteCount(session.Mask) + 1 + Name.Length + 1 + Encoding.UTF8.GetByteCount(target) + 2 + 2;
        return OutboundMessage.FitText(text, client.Server.Options.Limits.MaxLineBytes - overhead);
    }
}
