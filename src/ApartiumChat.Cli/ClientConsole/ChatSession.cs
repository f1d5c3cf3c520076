using System.Globalization;
using ApartiumChat.Client;
using ApartiumChat.Transport;
using ApartiumChat.Transport.Tcp;

namespace ApartiumChat.Cli.ClientConsole;

/// <summary>
/// One run of <c>apartium client</c>: the HA client on real sockets, standard input as what the
/// user says, standard output as what the user sees.
/// <code>
///   stdin --lines--> commands (/join, /msg, ...) or text for the current channel --> HaClient
///   HaClient --events--> ConsoleView --> stdout
/// </code>
/// Ends on /quit, end of input, Ctrl-C, or when the client stops by itself (a refused nick).
/// </summary>
internal sealed class ChatSession
{
    private const string Help = """
        commands:
          text                send to the current channel
          /join #room         join a channel and make it current
          /part [#room]       leave a channel (the current one by default)
          /msg NICK text      send a private message
          /nick NAME          change your nick
          /servers            the server list, which one is in use, round trips
          /quit [reason]      leave
        """;

    private const string EndOfInput = "end of input";

    private readonly HaClientOptions _options;
    private readonly TextReader _input;
    private readonly TextWriter _output;
    private readonly bool _preciseTimes;
    private int _nextId;

    public ChatSession(HaClientOptions options, TextReader input, TextWriter output, bool preciseTimes = false)
    {
        _options = options;
        _input = input;
        _output = output;
        _preciseTimes = preciseTimes;
    }

    /// <returns>0 when the user left; 1 when the client could not go on (for example a refused nick).</returns>
    public async Task<int> RunAsync(CancellationToken stop)
    {
        await using var client = new HaClient(_options, new TcpTransport(), TimeProvider.System, new SecureRandom());
        var view = new ConsoleView(_output, client, _preciseTimes) { CurrentChannel = _options.Channels.FirstOrDefault() };
        using var subscription = client.Events.Subscribe(view);
        var servers = string.Join(", ", _options.Servers.Select(s => $"{s.Id} {NetworkAddress.Format(s.Address)}"));
        view.Print($"apartium client: {_options.Nick} on {servers} (most preferred first); /help for commands");
        await client.StartAsync(stop);

        using var quit = CancellationTokenSource.CreateLinkedTokenSource(stop);
        // Console.In reads block (its async methods too): a thread of its own, so that events
        // and a client that stops by itself are seen while the user types nothing.
        var reading = Task.Run(() => ReadAsync(client, view, quit.Token), CancellationToken.None);
        var ended = await Task.WhenAny(reading, view.Stopped, Task.Delay(Timeout.Infinite, stop).ContinueWith(_ => "interrupted", TaskScheduler.Default));
        await quit.CancelAsync();
        if (ended == view.Stopped)
        {
            var reason = await view.Stopped;
            view.Print($"stopped: {reason}");
            return reason.StartsWith("cannot register", StringComparison.Ordinal) ? 1 : 0;
        }

        var why = ended == reading ? await reading : "interrupted";
        if (why == EndOfInput)
        {
            await DrainAsync(client, view, stop); // piped input: what was typed still goes out
        }

        view.Print($"leaving ({why})");
        await client.StopAsync(why, CancellationToken.None);
        return 0;
    }

    /// <summary>
    /// Waits until every message sent is acknowledged or has failed with its reason (the send
    /// timeout bounds each), or until Ctrl-C.
    /// </summary>
    private static async Task DrainAsync(HaClient client, ConsoleView view, CancellationToken stop)
    {
        if (view.Outstanding == 0)
        {
            return;
        }

        view.Print($"end of input: waiting for {view.Outstanding} message(s) to be acknowledged (at most {client.Options.SendTimeout.TotalSeconds:0.#} s; Ctrl-C to leave now)");
        try
        {
            await view.AllSentAsync().WaitAsync(stop);
        }
        catch (OperationCanceledException)
        {
            // Ctrl-C: leave now; what is left fails as Stopped and is reported.
        }
    }

    /// <summary>Reads until /quit or end of input; returns why it stopped.</summary>
    private async Task<string> ReadAsync(HaClient client, ConsoleView view, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            string? line;
            try
            {
                line = await _input.ReadLineAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return "interrupted";
            }
            catch (IOException e)
            {
                return "input failed: " + e.Message;
            }

            if (line is null)
            {
                return EndOfInput;
            }

            line = line.TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }

            if (line.StartsWith('/') && !line.StartsWith("//", StringComparison.Ordinal))
            {
                if (Command(client, view, line) is { } quitReason)
                {
                    return quitReason;
                }

                continue;
            }

            Say(client, view, view.CurrentChannel, line.StartsWith("//", StringComparison.Ordinal) ? line[1..] : line);
        }

        return "interrupted";
    }

    /// <summary>Runs a /command; returns a reason when it means leaving.</summary>
    private string? Command(HaClient client, ConsoleView view, string line)
    {
        var parts = line.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
        var verb = parts[0].ToLowerInvariant();
        var first = parts.Length > 1 ? parts[1] : null;
        var rest = parts.Length > 2 ? parts[2] : null;
        switch (verb)
        {
            case "/quit":
                return line.Length > 5 ? line[6..].Trim() : "quit";
            case "/join" when first is not null && Protocol.ChannelName.IsValid(first):
                client.Join(first);
                view.CurrentChannel = first;
                break;
            case "/join":
                view.Print("usage: /join #room");
                break;
            case "/part":
                var channel = first ?? view.CurrentChannel;
                if (channel is null)
                {
                    view.Print("usage: /part #room");
                    break;
                }

                client.Part(channel, rest);
                if (string.Equals(channel, view.CurrentChannel, StringComparison.OrdinalIgnoreCase))
                {
                    view.CurrentChannel = client.Channels.FirstOrDefault(c => !string.Equals(c, channel, StringComparison.OrdinalIgnoreCase));
                }

                break;
            case "/msg" when first is not null && rest is not null:
                Say(client, view, first, rest);
                break;
            case "/msg":
                view.Print("usage: /msg NICK text");
                break;
            case "/nick" when first is not null && Protocol.Nickname.IsValid(first):
                client.ChangeNick(first);
                break;
            case "/nick":
                view.Print("usage: /nick NAME (a letter or one of []\\`_^{|} first, then letters, digits, those or -)");
                break;
            case "/servers":
                ShowServers(client, view);
                break;
            case "/help":
                view.Print(Help);
                break;
            default:
                view.Print($"unknown command {parts[0]}; /help lists them (start a line with // to send a text beginning with /)");
                break;
        }

        return null;
    }

    private void Say(HaClient client, ConsoleView view, string? target, string text)
    {
        if (target is null)
        {
            view.Print("no current channel: /join #room first, or /msg NICK text");
            return;
        }

        var id = "u" + (++_nextId).ToString(CultureInfo.InvariantCulture);
        view.Sending(id, target, text);
        client.Post(target, text, id); // refusals (too long, outbox full, ...) come back as events
    }

    private static void ShowServers(HaClient client, ConsoleView view)
    {
        foreach (var status in client.Servers)
        {
            var use = status.InUse ? "in use " : "       ";
            var rtt = status.LastRoundTrip is { } r ? $"rtt {r.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture)} ms" : "rtt -";
            var failure = status.LastFailure is { } f ? $"; last failure: {f}" : string.Empty;
            view.Print($"  {status.Server.Id}  {NetworkAddress.Format(status.Server.Address),-22} {use} {rtt}{failure}");
        }

        view.Print($"  state {client.State}; {client.OutboxCount} message(s) awaiting acknowledgement");
    }
}
