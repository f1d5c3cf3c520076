using ApartiumChat.Client.Connection;

namespace ApartiumChat.Client.Sending;

/// <summary>One message the application sent and the cluster has not acknowledged yet.</summary>
internal sealed class OutboxEntry
{
    public OutboxEntry(long localId, string? applicationId, string command, string target, string text, string key, long queuedAt, long deadline)
    {
        LocalId = localId;
        ApplicationId = applicationId;
        Command = command;
        Target = target;
        Text = text;
        Key = key;
        QueuedAt = queuedAt;
        Deadline = deadline;
    }

    public long LocalId { get; }

    public string? ApplicationId { get; }

    /// <summary>PRIVMSG or NOTICE.</summary>
    public string Command { get; }

    public string Target { get; }

    public string Text { get; }

    /// <summary>The idempotency key, also the label: the same on every attempt.</summary>
    public string Key { get; }

    /// <summary>TimeProvider timestamps.</summary>
    public long QueuedAt { get; }

    public long Deadline { get; }

    /// <summary>The connection it was last written to; null when it waits to be written.</summary>
    public ServerConnection? SentOn { get; set; }

    public int Attempts { get; set; }

    /// <summary>The last PING sent before it was written: the answer to any later PING must come after its own.</summary>
    public long PingsBefore { get; set; }

    /// <summary>On servers without echo: the PING whose answer acknowledges it.</summary>
    public long Barrier { get; set; }

    /// <summary>Set when someone awaits the outcome (<see cref="HaClient.SendAsync"/>).</summary>
    public TaskCompletionSource<MessageAcknowledgement>? Completion { get; set; }

    public LinkedListNode<OutboxEntry>? Node { get; set; }
}
