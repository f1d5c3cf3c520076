using ApartiumChat.Client.Connection;
using ApartiumChat.Client.Events;
using ApartiumChat.Protocol;

namespace ApartiumChat.Client;

/// <summary>
/// The read side: each connection's loop, and what every incoming message means to the
/// client (acknowledgements, deliveries, membership, shutdown notices).
/// </summary>
public sealed partial class HaClient
{
    // Replies refusing a JOIN; the channel is the second parameter.
    private static readonly HashSet<string> JoinRefusals = ["403", "405", "437", "471", "473", "474", "475", "476", "477"];

    private readonly List<string> _wanted = [];
    private readonly List<string> _joined = [];
    private string _nick;

    /// <summary>Joins a channel now (if connected) and after every reconnect.</summary>
    public void Join(string channel)
    {
        if (!ChannelName.IsValid(channel))
        {
            throw new ArgumentException($"'{channel}' is not a valid channel name", nameof(channel));
        }

        using (Enter())
        {
            AddWanted(channel);
            _current?.Send(new IrcMessage(IrcCommands.Join, channel));
        }
    }

    /// <summary>Leaves a channel and stops rejoining it.</summary>
    public void Part(string channel, string? reason = null)
    {
        ArgumentNullException.ThrowIfNull(channel);
        using (Enter())
        {
            _wanted.RemoveAll(w => SameName(w, channel));
            if (_current is { } connection && _joined.Exists(j => SameName(j, channel)))
            {
                connection.Send(reason is null ? new IrcMessage(IrcCommands.Part, channel) : new IrcMessage(IrcCommands.Part, channel, reason));
            }
        }
    }

    /// <summary>Changes the nick now (if connected; the server may refuse) or for the next registration.</summary>
    public void ChangeNick(string nick)
    {
        if (!Nickname.IsValid(nick))
        {
            throw new ArgumentException($"'{nick}' is not a valid nick", nameof(nick));
        }

        using (Enter())
        {
            if (_current is { } connection)
            {
                connection.Send(new IrcMessage(IrcCommands.Nick, nick));
            }
            else
            {
                _nick = nick;
            }
        }
    }

    private void AddWanted(string channel)
    {
        if (!_wanted.Exists(w => SameName(w, channel)))
        {
            _wanted.Add(channel);
        }
    }

    private async Task ReadLoopAsync(ServerConnection connection)
    {
        Exception? error = null;
        try
        {
            while (await connection.ReadAsync(CancellationToken.None) is { } message)
            {
                using (Enter())
                {
                    Dispatch(connection, message);
                    while (connection.TryTake(out var next))
                    {
                        Dispatch(connection, next);
                    }
                }
            }
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or ObjectDisposedException)
        {
            error = e;
        }

        using (Enter())
        {
            OnConnectionEnded(connection, error);
        }

        await connection.CloseAsync(Options.HeartbeatTimeout);
    }

    /// <summary>One message from a server. Under the lock.</summary>
    private void Dispatch(ServerConnection connection, IrcMessage message)
    {
        var live = connection == _current;
        switch (message.Command)
        {
            case IrcCommands.Ping:
                connection.Send(new IrcMessage(IrcCommands.Pong, message.Param(0) ?? "*"));
                break;
            case IrcCommands.Pong:
                OnPong(connection, message);
                break;
            case IrcCommands.Privmsg or IrcCommands.Notice:
                OnChat(connection, message);
                break;
            case IrcCommands.Batch:
                OnBatch(connection, message);
                break;
            case IrcCommands.Error:
                connection.LastError = message.LastParam;
                break;
            case IrcCommands.Ha:
                OnHa(connection, message);
                break;
            case IrcCommands.Ack:
                OnAck(connection, message);
                break;
            case IrcCommands.Fail:
                OnFail(connection, message);
                break;
            case IrcCommands.Join or IrcCommands.Part or IrcCommands.Kick or IrcCommands.Nick when live:
                OnMembership(connection, message);
                break;
            default:
                if (message.Command.Length == 3 && char.IsAsciiDigit(message.Command[0]))
                {
                    OnNumeric(connection, message, live);
                }

                break;
        }
    }

    private void OnChat(ServerConnection connection, IrcMessage message)
    {
        if (message.Source is not { } source || message.Param(0) is not { } target)
        {
            return;
        }

        if (IsHistoryBatch(connection, message))
        {
            return;
        }

        var sender = IrcSource.NickOf(source).ToString();
        if (source.AsSpan().IndexOfAny('!', '@') < 0)
        {
            // From a server, not a person: not a chat message.
            Publish(new ServerNotice(Now, _id, connection.Server.Id, message.LastParam ?? string.Empty));
            return;
        }

        if (SameName(sender, _nick))
        {
            _ownSource = source;
            OnOwnMessage(connection, message, EffectiveLabel(connection, message));
            return;
        }

        var isChannel = ChannelName.StartsWithChannelType(target);
        ReceiveLive(connection, ConversationFor(isChannel ? target : sender, isChannel), message);
    }

    private void OnHa(ServerConnection connection, IrcMessage message)
    {
        if (string.Equals(message.Param(0), HaSubcommands.Token, StringComparison.OrdinalIgnoreCase) && connection == _current)
        {
            _token = message.Param(1);
        }
        else if (string.Equals(message.Param(0), HaSubcommands.Move, StringComparison.OrdinalIgnoreCase))
        {
            DeclareDead(connection, DeathReason.ServerShutdown, $"shutdown notice: {message.LastParam} (closing in {message.Param(1)} s)", null);
        }
    }

    private void OnAck(ServerConnection connection, IrcMessage message)
    {
        // A labeled command the server had nothing to answer: for a send, that it took it.
        if (message.GetTag(IrcTagNames.Label) is { } label && _outbox.TryGet(label, out var entry))
        {
            Acknowledge(entry, connection, null, false);
        }
    }

    private void OnFail(ServerConnection connection, IrcMessage message)
    {
        if (TryReject(EffectiveLabel(connection, message), message))
        {
            return;
        }

        if (string.Equals(message.Param(0), IrcCommands.ChatHistory, StringComparison.OrdinalIgnoreCase))
        {
            OnHistoryFailure(connection, message);
            return;
        }

        Publish(new ServerNotice(Now, _id, connection.Server.Id, string.Join(' ', message.Params)));
    }

    private void OnNumeric(ServerConnection connection, IrcMessage message, bool live)
    {
        var code = message.Command;
        if (code[0] is not ('4' or '5'))
        {
            return; // information replies: nothing for the client to do
        }

        if (TryReject(EffectiveLabel(connection, message), message) || !live)
        {
            return;
        }

        if (code == IrcNumerics.ErrUnknownCommand && string.Equals(message.Param(1), IrcCommands.ChatHistory, StringComparison.OrdinalIgnoreCase))
        {
            OnHistoryUnsupported(connection);
            return;
        }

        if (JoinRefusals.Contains(code) && message.Param(1) is { } channel && _wanted.Exists(w => SameName(w, channel))
            && !_joined.Exists(j => SameName(j, channel)))
        {
            _wanted.RemoveAll(w => SameName(w, channel));
            Publish(new JoinFailed(Now, _id, connection.Server.Id, channel, $"{code} {message.LastParam}"));
            return;
        }

        Publish(new ServerNotice(Now, _id, connection.Server.Id, string.Join(' ', message.Params.Skip(1))));
    }

    private void OnMembership(ServerConnection connection, IrcMessage message)
    {
        var actor = message.Source is { } source ? IrcSource.NickOf(source).ToString() : string.Empty;
        var channel = message.Param(0) ?? string.Empty;
        switch (message.Command)
        {
            case IrcCommands.Join when SameName(actor, _nick):
                _ownSource = message.Source;
                AddWanted(channel);
                if (!_joined.Exists(j => SameName(j, channel)))
                {
                    _joined.Add(channel);
                    ConversationFor(channel, isChannel: true).JoinedAt ??= MessageTime(message);
                    Publish(new ChannelJoined(Now, _id, connection.Server.Id, channel));
                }

                break;
            case IrcCommands.Part when SameName(actor, _nick):
                Left(connection, channel, "parted");
                break;
            case IrcCommands.Kick when message.Param(1) is { } kicked && SameName(kicked, _nick):
                Left(connection, channel, $"kicked by {actor}: {message.Param(2)}");
                break;
            case IrcCommands.Nick when SameName(actor, _nick) && message.Param(0) is { } newNick:
                var old = _nick;
                _nick = newNick;
                Publish(new NickChanged(Now, _id, connection.Server.Id, old, newNick));
                break;
        }
    }

    private void Left(ServerConnection connection, string channel, string detail)
    {
        _wanted.RemoveAll(w => SameName(w, channel));
        if (_joined.RemoveAll(j => SameName(j, channel)) > 0)
        {
            Publish(new ChannelLeft(Now, _id, connection.Server.Id, channel, detail));
        }
    }

    /// <summary>After a registration: the channels the session is in, and the ones the server refused.</summary>
    private void ApplyChannels(ServerConnection connection, HandshakeResult result)
    {
        _joined.Clear();
        foreach (var channel in result.Channels)
        {
            _joined.Add(channel.Name);
            AddWanted(channel.Name);
            var conversation = ConversationFor(channel.Name, isChannel: true);
            conversation.JoinedAt ??= channel.JoinedAt;
        }

        foreach (var (channel, detail) in result.JoinFailures)
        {
            _wanted.RemoveAll(w => SameName(w, channel));
            Publish(new JoinFailed(Now, _id, connection.Server.Id, channel, detail));
        }
    }

    /// <summary>The label of the command a reply answers: its own tag, or its labeled-response batch's.</summary>
    private static string? EffectiveLabel(ServerConnection connection, IrcMessage message)
    {
        if (message.GetTag(IrcTagNames.Label) is { } label)
        {
            return label;
        }

        return message.GetTag(IrcTagNames.Batch) is { } batch && connection.Batches.TryGetValue(batch, out var open) ? open.Label : null;
    }

    private DateTimeOffset MessageTime(IrcMessage message) =>
        message.GetTag(IrcTagNames.Time) is { } text && ServerTime.TryParse(text, out var time) ? time : Now;
}
