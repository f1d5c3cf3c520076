namespace ApartiumChat.Server.Node;

/// <summary>
/// Defers waking writer loops until a connection has handled all the lines of one read,
/// then runs them on the reading thread. A fan-out of k messages to n members then costs n
/// socket writes of k lines each, with no thread-pool hop, instead of up to k times n
/// writes each queued to the pool (InspIRCd's event loop does the same: read, then write).
/// </summary>
/// <remarks>
/// Ambient per thread on purpose: deliveries reach <see cref="ClientConnection.Deliver"/>
/// through the cluster bus, which knows nothing of who is reading. A scope opens and closes
/// on one thread with no await between (<c>HandleLines</c> is synchronous), so the state
/// never leaks to another connection's work; outside a scope, wake-ups happen at once.
/// </remarks>
internal static class DeliveryBatch
{
    [ThreadStatic]
    private static List<SendQueue>? t_pending;

    [ThreadStatic]
    private static int t_depth;

    public static Scope Begin()
    {
        t_depth++;
        return default;
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
            if (--t_depth > 0 || t_pending is not { Count: > 0 } pending)
            {
                return;
            }

            // Taken out first: a writer run inline may deliver again (outside any scope now,
            // so at once), and must not find this list half walked.
            t_pending = null;
            foreach (var queue in pending)
            {
                // A writer loop never blocks (it awaits), so running it here costs this thread
                // only the copy and the send; a writer held up by back-pressure awaits and returns.
                queue.Wake(inline: true);
            }

            pending.Clear();
            t_pending ??= pending;
        }
    }
}
