namespace ApartiumChat.Server.Node;

/// <summary>
/// Lets every loop of a node freeze and carry on together (a "hang"). Waiting on an open gate
/// costs nothing; on a closed one, the loop parks until <see cref="Open"/>.
/// </summary>
internal sealed class PauseGate
{
    private readonly Lock _lock = new();
    private TaskCompletionSource? _closed;

    public bool IsClosed
    {
        get
        {
            lock (_lock)
            {
                return _closed is not null;
            }
        }
    }

    public void Close()
    {
        lock (_lock)
        {
            if (_closed is null)
            {
                Volatile.Write(ref _closed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            }
        }
    }

    public void Open()
    {
        TaskCompletionSource? closed;
        lock (_lock)
        {
            closed = _closed;
            Volatile.Write(ref _closed, null);
        }

        closed?.TrySetResult();
    }

    /// <remarks>Lock-free: every read and write loop passes here once per turn.</remarks>
    public ValueTask WaitAsync() =>
        Volatile.Read(ref _closed) is { } closed ? new ValueTask(closed.Task) : ValueTask.CompletedTask;
}
