using ApartiumChat.Client.Events;

namespace ApartiumChat.Client.Tests.Support;

/// <summary>Records a client's events and waits (in the test's time) for the ones a test expects.</summary>
public sealed class EventLog : IDisposable
{
    private readonly List<ClientEvent> _events = [];
    private readonly Lock _lock = new(); // real-time (TCP) tests publish from the thread pool
    private readonly TimeProvider _time;
    private readonly IDisposable _subscription;
    private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public EventLog(HaClient client, TimeProvider time)
    {
        _time = time;
        _subscription = client.Events.Subscribe(new Observer(this));
    }

    public IReadOnlyList<ClientEvent> All
    {
        get
        {
            lock (_lock)
            {
                return [.. _events];
            }
        }
    }

    public IEnumerable<T> Of<T>()
        where T : ClientEvent => All.OfType<T>();

    /// <summary>Texts delivered to the application, in order.</summary>
    public List<string> Texts(string? conversation = null) =>
        [.. Of<MessageReceived>().Where(m => conversation is null || m.Conversation == conversation).Select(m => m.Text)];

    /// <summary>The first event of type T matching the predicate (counting from <paramref name="after"/>), waiting for it if need be.</summary>
    public async Task<T> WaitFor<T>(Func<T, bool>? match = null, TimeSpan? timeout = null, int after = 0)
        where T : ClientEvent
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30), _time);
        while (true)
        {
            var found = All.Skip(after).OfType<T>().FirstOrDefault(e => match is null || match(e));
            if (found is not null)
            {
                return found;
            }

            if (cancel.IsCancellationRequested)
            {
                throw new TimeoutException($"No {typeof(T).Name} came. Events:\n" + Dump());
            }

            Task arrived;
            lock (_lock)
            {
                arrived = _arrived.Task;
            }

            using (cancel.Token.Register(static s => ((EventLog)s!).Signal(), this))
            {
                await arrived;
            }
        }
    }

    public string Dump() => string.Join('\n', All.Where(e => e is not (HeartbeatSent or HeartbeatAnswered)).Select(e => "  " + e));

    public void Dispose() => _subscription.Dispose();

    private void Signal()
    {
        TaskCompletionSource arrived;
        lock (_lock)
        {
            arrived = _arrived;
            _arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        arrived.TrySetResult();
    }

    private sealed class Observer(EventLog log) : IObserver<ClientEvent>
    {
        public void OnCompleted() => log.Signal();

        public void OnError(Exception error) => log.Signal();

        public void OnNext(ClientEvent value)
        {
            lock (log._lock)
            {
                log._events.Add(value);
            }

            log.Signal();
        }
    }
}
