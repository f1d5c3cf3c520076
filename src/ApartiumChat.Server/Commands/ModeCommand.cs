using System.Globalization;
using ApartiumChat.Protocol;
using ApartiumChat.Server.Cluster;
using ApartiumChat.Server.Node;

namespace ApartiumChat.Server.Commands;

/// <summary>
/// MODE #channel [modestring [params...]]: query (324), ban list (367/368), or change
/// +n +t +m +k +l +b +o +v. MODE nick: the user's own modes (none beyond the customary +i).
/// </summary>
internal sealed class ModeCommand : CommandHandler
{
    private const int MaxParameterModes = 6;

    public override string Name => IrcCommands.Mode;

    public override int MinimumParameters => 1;

    public override void Handle(ClientConnection client, IrcMessage message)
    {
        var target = message.Params[0];
        if (ChannelName.StartsWithChannelType(target))
        {
            HandleChannel(client, target, message);
        }
        else
        {
            HandleUser(client, target, message.Param(1));
        }
    }

    private static void HandleUser(ClientConnection client, string nick, string? modes)
    {
        if (client.Cluster.FindUser(nick) is not { } user)
        {
            client.Reply(IrcNumerics.ErrNoSuchNick, nick, "No such nick/channel");
            return;
        }

        if (!string.Equals(client.Session!.Nick, user.Nick, StringComparison.Ordinal))
        {
            client.Reply(IrcNumerics.ErrUsersDontMatch, "Cant change mode for other users");
            return;
        }

        if (modes is null || modes.All(c => c is '+' or '-' or 'i'))
        {
            client.Reply(IrcNumerics.RplUModeIs, "+i");
            return;
        }

        client.Reply(IrcNumerics.ErrUModeUnknownFlag, "Unknown MODE flag");
    }

    private static void HandleChannel(ClientConnection client, string name, IrcMessage message)
    {
        var cluster = client.Cluster;
        if (cluster.FindChannel(name, client.Session) is not { } channel)
        {
            client.Reply(IrcNumerics.ErrNoSuchChannel, name, "No such channel");
            return;
        }

        if (message.Param(1) is not { } modestring)
        {
            client.Reply(IrcNumerics.RplChannelModeIs, [channel.Name, .. channel.Modes]);
            client.Reply(IrcNumerics.RplCreationTime, channel.Name, Replies.Seconds(channel.Created));
            return;
        }

        if (IsBanListQuery(modestring, message.Params.Length))
        {
            foreach (var ban in cluster.Bans(name))
            {
                client.Reply(IrcNumerics.RplBanList, channel.Name, ban.Mask, ban.SetBy, Replies.Seconds(ban.SetAt));
            }

            client.Reply(IrcNumerics.RplEndOfBanList, channel.Name, "End of channel ban list");
            return;
        }

        var changes = Parse(client, channel.Name, modestring, message.Params.Skip(2).ToList());
        if (changes.Count == 0)
        {
            return;
        }

        var result = cluster.ChangeModes(client.Session!, name, changes);
        if (result.Error != ClusterError.None)
        {
            Replies.SendError(client, result.Error, channel.Name);
            return;
        }

        foreach (var (change, error) in result.Refused)
        {
            if (error == ClusterError.UserNotInChannel)
            {
                client.Reply(IrcNumerics.ErrUserNotInChannel, change.Parameter ?? "*", channel.Name, "They aren't on that channel");
            }
            else
            {
                Replies.SendError(client, error, channel.Name);
            }
        }
    }

    private static bool IsBanListQuery(string modestring, int parameterCount) =>
        parameterCount == 2 && modestring.TrimStart('+') == "b";

    private static List<ModeChange> Parse(ClientConnection client, string channel, string modestring, List<string> parameters)
    {
        var changes = new List<ModeChange>();
        var adding = true;
        var next = 0;
        foreach (var c in modestring)
        {
            switch (c)
            {
                case '+':
                    adding = true;
                    continue;
                case '-':
                    adding = false;
                    continue;
                case 'n' or 't' or 'm':
                    changes.Add(new ModeChange(adding, c, null));
                    continue;
            }

            if (!InProcessClusterBus.ModesWithParameter.Contains(c, StringComparison.Ordinal))
            {
                client.Reply(IrcNumerics.ErrUnknownMode, c.ToString(), "is unknown mode char to me");
                continue;
            }

            var takesParameter = adding || c is not 'l';
            var parameter = takesParameter && next < parameters.Count ? parameters[next++] : null;
            if (takesParameter && parameter is null)
            {
                if (c == 'k' && !adding)
                {
                    changes.Add(new ModeChange(false, 'k', null));
                }
                else
                {
                    client.Reply(IrcNumerics.ErrNeedMoreParams, IrcCommands.Mode, $"Mode {(adding ? '+' : '-')}{c} needs a parameter");
                }

                continue;
            }

            if (Validate(client, channel, adding, c, parameter) is { } valid && changes.Count(ch => ch.Parameter is not null) < MaxParameterModes)
            {
                changes.Add(valid);
            }
        }

        return changes;
    }

    private static ModeChange? Validate(ClientConnection client, string channel, bool adding, char mode, string? parameter)
    {
        switch (mode)
        {
            case 'l' when adding:
                if (!int.TryParse(parameter, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) || limit < 1)
                {
                    client.Reply("696", channel, "l", parameter ?? "*", "The limit must be a positive number");
                    return null;
                }

                return new ModeChange(true, 'l', limit.ToString(CultureInfo.InvariantCulture));
            case 'k' when adding:
                if (string.IsNullOrEmpty(parameter) || parameter.Contains(',', StringComparison.Ordinal) || parameter.Length > 32)
                {
                    client.Reply("696", channel, "k", parameter ?? "*", "A key is 1 to 32 characters without a comma");
                    return null;
                }

                return new ModeChange(true, 'k', parameter);
            case 'b':
                return new ModeChange(adding, 'b', NormalizeMask(parameter!));
            default:
                return new ModeChange(adding, mode, parameter);
        }
    }

    /// <summary>Completes a partial ban mask the way servers do: <c>nick</c> becomes <c>nick!*@*</c>.</summary>
    private static string NormalizeMask(string mask)
    {
        if (!mask.Contains('!', StringComparison.Ordinal) && !mask.Contains('@', StringComparison.Ordinal))
        {
            return mask + "!*@*";
        }

        if (!mask.Contains('@', StringComparison.Ordinal))
        {
            return mask + "@*";
        }

        return mask.Contains('!', StringComparison.Ordinal) ? mask : "*!" + mask;
    }
}
