using System.Globalization;
using ApartiumChat.Client;
using ApartiumChat.Client.Events;
using ApartiumChat.Transport;

namespace ApartiumChat.Cli.ClientConsole;

/// <summary>
/// Turns the client's events into what a person reads: messages with time and sender, and one
/// status line per failover, stamped with the time of the loss ("[12:00:01] lost s0 (no reply
/// for 3.0 s); on s1 after 0.41 s; 3 missed messages recovered").
/// </summary>
internal sealed class ConsoleView : IObserver<ClientEvent>
{
    private readonly TextWriter _output;
    private readonly HaClient _client;
    private readonly bool _preciseTimes;
    private readonly Dictionary<string, (string Target, string Text)> _sending = new(StringComparer.Ordinal);
    private readonly HashSet<string> _noted = new(StringComparer.Ordinal);
    private readonly List<string> _failures = [];
    private readonly TaskCompletionSource<string> _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ServerDeclaredDead? _lost;
    private FailedOver? _failedOver;
    private ResumeRefused? _refused;
    private bool _everConnected;
    private TaskCompletionSource? _allSent;

    public ConsoleView(TextWriter output, HaClient client, bool preciseTimes)
    {
        _output = output;
        _client = client;
        _preciseTimes = preciseTimes;
    }

    /// <summary>Completes with the reason when the client stops.</summary>
    public Task<string> Stopped => _stopped.Task;

    /// <summary>The channel plain lines go to.</summary>
    public string? CurrentChannel { get; set; }

    /// <summary>Messages sent from the console whose acknowledgement or failure is not printed yet.</summary>
    public int Outstanding
    {
        get
        {
            lock (_sending)
            {
                return _sending.Count;
            }
        }
    }

    /// <summary>Completes once every message sent so far is printed as acknowledged or failed.</summary>
    public Task AllSentAsync()
    {
        lock (_sending)
        {
            if (_sending.Count == 0)
            {
                return Task.CompletedTask;
            }

            _allSent ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _allSent.Task;
        }
    }

    /// <summary>Remembers what a send said, to print it once acknowledged.</summary>
    public void Sending(string applicationId, string target, string text)
    {
        lock (_sending)
        {
            _sending[applicationId] = (target, text);
        }
    }

    public void Print(string line) => _output.WriteLine(line);

    public void OnNext(ClientEvent value)
    {
        switch (value)
        {
            case MessageReceived m:
                OnMessage(m);
                break;
            case MessageAcknowledged ack when Find(ack.ApplicationId) is { } sent:
                Print($"{Stamp(ack.Time)} {Where(sent.Target)}<{_client.Nick}> {sent.Text}");
                Forget(ack.ApplicationId);
                break;
            case MessageFailed failed:
                var what = Find(failed.ApplicationId) is { } text ? $" \"{Shorten(text.Text)}\"" : string.Empty;
                Print($"! not sent to {failed.Target}{what}: {failed.Detail}");
                Forget(failed.ApplicationId);
                break;
            case Connected connected:
                OnConnected(connected);
                break;
            case ServerDeclaredDead dead:
                _lost = dead;
                _failures.Clear();
                break;
            case ConnectFailed failed:
                _failures.Add($"{failed.ServerId}: {failed.Detail}");
                break;
            case ConnectAttempted { Pass: > 1 } attempt when attempt.ServerId == _client.Options.Servers[0].Id && (attempt.Pass == 2 || attempt.Pass % 10 == 0):
                var what2 = _everConnected ? $"lost {_lost?.ServerId ?? "the server"} ({_lost?.Detail}); no server answers yet" : "cannot reach any server";
                Print($"{Stamp(attempt.Time)} {what2} ({string.Join("; ", _failures.Distinct())}); still trying (Ctrl-C or /quit to give up)");
                _failures.Clear();
                break;
            case FailedOver failedOver:
                _failedOver = failedOver;
                break;
            case ResumeRefused refused:
                _refused = refused;
                break;
            case RecoveryCompleted recovered:
                OnRecovered(recovered);
                break;
            case ChannelJoined joined:
                Print($"joined {joined.Channel}");
                CurrentChannel ??= joined.Channel;
                break;
            case ChannelLeft left:
                Print($"left {left.Channel} ({left.Detail})");
                break;
            case JoinFailed failed:
                Print($"cannot join {failed.Channel}: {failed.Detail}");
                break;
            case NickChanged nick:
                Print($"you are now {nick.NewNick}");
                break;
            case ServerNotice notice:
                Print($"-{notice.ServerId}- {notice.Text}");
                break;
            case ClientStopped stopped:
                _stopped.TrySetResult(stopped.Reason);
                break;
        }
    }

    public void OnError(Exception error) => _stopped.TrySetResult(error.Message);

    public void OnCompleted() => _stopped.TrySetResult("stopped");

    private void OnMessage(MessageReceived m)
    {
        var recovered = m.Delivery == DeliveryKind.History ? " (recovered)" : string.Empty;
        var time = _preciseTimes || m.SentAt is null ? Stamp(m.Time) : Stamp(m.SentAt.Value);
        var sent = _preciseTimes && m.SentAt is { } at ? $" (sent {Clock(at)})" : string.Empty;
        var text = m.Command == "NOTICE" ? $"-{m.Sender}- {m.Text}" : m.IsPrivate ? $"*{m.Sender}* {m.Text}" : $"{Where(m.Conversation)}<{m.Sender}> {m.Text}";
        Print($"{time} {text}{recovered}{sent}");
    }

    private void OnConnected(Connected connected)
    {
        if (connected.Purpose == ConnectionPurpose.Initial)
        {
            var server = _client.Options.Servers.First(s => s.Id == connected.ServerId);
            var channels = connected.Channels.Count == 0 ? "no channel yet (/join #room)" : "in " + string.Join(", ", connected.Channels);
            Print($"connected to {server.Id} ({NetworkAddress.Format(server.Address)}) as {connected.Nick}; {channels}");
            CurrentChannel ??= connected.Channels.FirstOrDefault();
        }

        _everConnected = true;
        if (connected.Limitations is { } limits && _noted.Add(connected.ServerId))
        {
            Print("note: " + limits);
        }
    }

    private void OnRecovered(RecoveryCompleted recovered)
    {
        var parts = new List<string>();
        if (recovered.Purpose == ConnectionPurpose.Failover && _lost is { } lost && _failedOver is { } moved)
        {
            parts.Add($"{Stamp(lost.Time)} lost {lost.ServerId} ({lost.Detail})");
            parts.Add($"on {moved.ToServerId} after {Seconds(moved.Elapsed)}");
        }
        else if (recovered.Purpose == ConnectionPurpose.Failback)
        {
            parts.Add($"{Stamp(recovered.Time)} back on {recovered.ServerId}, the preferred server (moved make-before-break: never offline)");
        }
        else
        {
            parts.Add($"{Stamp(recovered.Time)} on {recovered.ServerId}");
        }

        if (_refused is not null)
        {
            parts.Add($"session not resumable there ({_refused.Detail}): registered afresh and rejoined");
        }

        parts.Add(Count(recovered.MessagesReplayed, "missed message") + " recovered");
        if (recovered.MessagesResent > 0)
        {
            parts.Add(Count(recovered.MessagesResent, "unsent message") + " resent");
        }

        if (!recovered.HistoryComplete)
        {
            parts.Add("history could not be fully recovered there" + (recovered.Detail is { } why ? $" ({why})" : string.Empty));
        }

        Print(string.Join("; ", parts));
        (_lost, _failedOver, _refused) = (null, null, null);
    }

    private (string Target, string Text)? Find(string? applicationId)
    {
        if (applicationId is null)
        {
            return null;
        }

        lock (_sending)
        {
            return _sending.TryGetValue(applicationId, out var sent) ? sent : null;
        }
    }

    /// <summary>Done with a send, once what it came to is printed (so "all sent" follows the screen).</summary>
    private void Forget(string? applicationId)
    {
        if (applicationId is null)
        {
            return;
        }

        lock (_sending)
        {
            if (_sending.Remove(applicationId) && _sending.Count == 0)
            {
                _allSent?.TrySetResult();
                _allSent = null;
            }
        }
    }

    private string Where(string conversation) => string.Equals(conversation, CurrentChannel, StringComparison.OrdinalIgnoreCase) ? string.Empty : conversation + " ";

    private string Stamp(DateTimeOffset time) => "[" + Clock(time) + "]";

    private string Clock(DateTimeOffset time) => time.ToLocalTime().ToString(_preciseTimes ? "HH:mm:ss.fff" : "HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s";

    private static string Count(int n, string noun) => $"{n.ToString(CultureInfo.InvariantCulture)} {noun}{(n == 1 ? string.Empty : "s")}";

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..37] + "...";
}
