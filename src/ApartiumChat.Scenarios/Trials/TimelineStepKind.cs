namespace ApartiumChat.Scenarios.Trials;

/// <summary>What happens at a step of the fault timeline.</summary>
public enum TimelineStepKind
{
    /// <summary>A fault of the file fires.</summary>
    Apply,

    /// <summary>A link fault's <c>forMs</c> has passed: it heals.</summary>
    Expire,

    /// <summary>
    /// The timeline ends (at durationMs): every link fault is removed and every hung server
    /// carries on; crashed or shut-down servers stay down. Quiescence starts here.
    /// </summary>
    EndOfTimeline,
}
