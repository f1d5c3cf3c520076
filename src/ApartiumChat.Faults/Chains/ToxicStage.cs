namespace ApartiumChat.Faults.Chains;

/// <summary>
/// The state of one toxic on one direction of one connection. Stages sit in a row; each takes
/// segments in order, holds, drops, cuts or passes them on, and never reorders them:
/// <code>
///   source --read--> [stage 0] --Emit--> [stage 1] --Emit--> ... --> ready --write--> destination
/// </code>
/// A stage that holds segments says when the next one is due (<see cref="NextDue"/>); the chain
/// arms one timer for the earliest and calls <see cref="Advance"/> then. All calls happen under
/// the chain's lock, with times as offsets on the proxy's <see cref="TimeProvider"/>.
/// </summary>
internal abstract class ToxicStage
{
    protected ToxicStage(StageContext context)
    {
        Context = context;
    }

    public StageContext Context { get; }

    public string ToxicName => Context.ToxicName;

    public long Order => Context.Order;

    /// <summary>When the next held segment is due, or <see cref="TimeSpan.MaxValue"/>.</summary>
    public virtual TimeSpan NextDue => TimeSpan.MaxValue;

    /// <summary>The toxic starts acting on this connection (when added, or when the connection opens).</summary>
    public virtual void Start(TimeSpan now)
    {
    }

    /// <summary>A segment reaches this stage at <paramref name="at"/>.</summary>
    public abstract void Accept(Segment segment, TimeSpan at, StageSink sink);

    /// <summary>Hands on every held segment due by <paramref name="now"/>.</summary>
    public virtual void Advance(TimeSpan now, StageSink sink)
    {
    }

    /// <summary>The toxic is removed: hand on what it holds, in order, at once.</summary>
    public virtual void Drain(TimeSpan now, StageSink sink)
    {
    }

    /// <summary>The toxic's settings changed while the connection is open.</summary>
    public virtual void Reconfigure(Toxics.ToxicAttributes attributes, TimeSpan now, StageSink sink)
    {
    }
}
