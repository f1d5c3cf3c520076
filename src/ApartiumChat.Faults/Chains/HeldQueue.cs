namespace ApartiumChat.Faults.Chains;

/// <summary>Segments a stage holds, in order, each with the time it arrived and the time it is due.</summary>
internal sealed class HeldQueue
{
    private readonly Queue<Held> _items = new();

    public int Count => _items.Count;

    public TimeSpan NextDue => _items.TryPeek(out var head) ? head.Due : TimeSpan.MaxValue;

    /// <summary>Due time of the last held segment, or <see cref="TimeSpan.MinValue"/>.</summary>
    public TimeSpan LastDue { get; private set; } = TimeSpan.MinValue;

    public void Enqueue(Segment segment, TimeSpan arrival, TimeSpan due, double draw = 0)
    {
        _items.Enqueue(new Held(segment, arrival, due, draw));
        LastDue = due;
    }

    /// <summary>
    /// Passes a segment on at once when it is due and nothing is held ahead of it; holds it otherwise.
    /// </summary>
    public void Pass(Segment segment, TimeSpan at, TimeSpan due, StageSink sink, double draw = 0)
    {
        if (due <= at && _items.Count == 0)
        {
            sink.Emit(segment, at);
            return;
        }

        Enqueue(segment, at, due, draw);
    }

    /// <summary>Emits every segment due by <paramref name="now"/>, each leaving at its due time.</summary>
    public void ReleaseDue(TimeSpan now, StageSink sink)
    {
        while (_items.TryPeek(out var head) && head.Due <= now)
        {
            _items.Dequeue();
            sink.Emit(head.Segment, head.Due);
        }
    }

    /// <summary>Emits everything now, in order.</summary>
    public void ReleaseAll(TimeSpan now, StageSink sink)
    {
        while (_items.TryDequeue(out var head))
        {
            sink.Emit(head.Segment, now);
        }

        LastDue = TimeSpan.MinValue;
    }

    /// <summary>Gives every held segment a new due time, in order (for live reconfiguration).</summary>
    public void Retime(Func<Held, TimeSpan, TimeSpan> due)
    {
        var count = _items.Count;
        var previous = TimeSpan.MinValue;
        for (var i = 0; i < count; i++)
        {
            var item = _items.Dequeue();
            var next = due(item, previous);
            if (next < previous)
            {
                next = previous; // never reorder
            }

            _items.Enqueue(item with { Due = next });
            previous = next;
        }

        LastDue = count == 0 ? TimeSpan.MinValue : previous;
    }

    internal readonly record struct Held(Segment Segment, TimeSpan Arrival, TimeSpan Due, double Draw);
}
