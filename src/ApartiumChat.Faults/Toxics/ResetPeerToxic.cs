using ApartiumChat.Faults.Chains;

namespace ApartiumChat.Faults.Toxics;

/// <summary>
/// Resets the connection (TCP RST to both ends) once data arrives in its direction, at once or
/// <see cref="TimeoutMs"/> later; bytes arriving meanwhile are dropped. Like Toxiproxy's, it stays
/// in force for every new connection until removed (a one-shot reset of the connections open
/// at one instant is <see cref="FaultProxy.ResetConnections"/>).
/// </summary>
public sealed record ResetPeerToxic : ToxicAttributes
{
    public const string TypeName = "reset_peer";

    public override string Type => TypeName;

    /// <summary>Milliseconds between the first data and the reset. Default 0.</summary>
    public long TimeoutMs { get; init; }

    public override IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        RequireRange(problems, "timeout", TimeoutMs, 0, MaxMilliseconds);
        return problems;
    }

    internal override ToxicStage CreateStage(StageContext context) => new ResetPeerStage(context, this);
}
