namespace ApartiumChat.Server.Node;

/// <summary>
/// Defers waking writer loops until a connection has handled all the lines of one read. A
/// fan-out of k messages to n members then costs n socket writes of k lines each, instead of
/// up to k times n (InspIRCd's event loop does the same: read, then write).
/// </summary>
/// <remarks>
/// <para>
/// Where the writers then run depends on the read. After a read of many lines (a sender
/// with a backlog) each writer has a batch of its own, and runs on the reading thread: no
/// hand-off. After a read of a few lines (many members chatting, each sending now and then)
/// a writer woken there would send a line or two per system call; woken to run on its own,
/// it runs a little later, on another thread, and takes what other senders' reads added
/// meanwhile in the same write. Measured in the chatter benchmark (50 senders, 20 messages
/// each in flight): 2.3-2.4 million deliveries a second with every writer run inline,
/// 3.9-4.3 million with this rule; fan-out (one sender, 100 in flight) kept its figures and
/// its CPU per delivery (docs/performance.md). A read that woke one writer only (a reply to
/// the reader, such as a PONG, or a message to one receiver) runs it inline too: with no
/// other senders' lines to gather, the hand-off to another thread was pure cost (1,000 HA
/// clients' heartbeats at 1 s cost 6.5-7.9 % of a core with the hand-off, 3.25-3.4 % without,
/// on one host within the hour).
/// </para>
/// <para>
/// Ambient per thread on purpose: deliveries reach <see cref="ClientConnection.Deliver"/>
/// through the cluster bus, which knows nothing of who is reading. A scope opens and closes
/// on one thread with no await between (<c>HandleLines</c> is synchronous), so the state
/// never leaks to another connection's work; outside a scope, wake-ups happen at once.
/// </para>
/// </remarks>
internal static class DeliveryBatch
{
    // A read of at least this many lines runs its writers inline, as does one that woke a single writer (see remarks).
    private const int InlineLines = 32;

    [ThreadStatic]
    private static List<SendQueue>? t_pending;

    [ThreadStatic]
    private static int t_depth;

    [ThreadStatic]
    private static int t_lines;

    public static Scope Begin()
    {
        t_depth++;
        return default;
    }

    /// <summary>Counts lines handled in the current scope: how many decides where its writers run.</summary>
    public static void Handled(int lines)
    {
        if (t_depth > 0)
        {
            t_lines += lines; // outside a scope there is nothing to decide, and nothing must carry over into the next one
        }
    }

    /// <summary>Wakes the queue's writer now, or at the end of the current scope.</summary>
    public static void Wake(SendQueue queue)
    {
        if (t_depth == 0)
        {
            queue.Wake();
            return;
        }

        (t_pending ??= []).Add(queue);
    }

    internal readonly struct Scope : IDisposable
    {
        public void Dispose()
        {
            if (--t_depth > 0)
            {
                return;
            }

            var lines = t_lines;
            t_lines = 0;
            if (t_pending is not { Count: > 0 } pending)
            {
                return;
            }

            var inline = lines >= InlineLines || pending.Count == 1;

            // Taken out first: a writer run inline may deliver again (outside any scope now,
            // so at once), and must not find this list half walked.
            t_pending = null;
            foreach (var queue in pending)
            {
                // A writer loop never blocks (it awaits), so running it here costs this thread
                // only the copy and the send; a writer held up by back-pressure awaits and returns.
                queue.Wake(inline);
            }

            pending.Clear();
            t_pending ??= pending;
        }
    }
}
