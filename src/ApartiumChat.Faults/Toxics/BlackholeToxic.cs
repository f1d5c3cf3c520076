using ApartiumChat.Faults.Chains;

namespace ApartiumChat.Faults.Toxics;

/// <summary>
/// Drops every byte in its direction and keeps the connection open, like a cut cable.
/// A FIN or reset from the sender is held, not dropped, and arrives once the toxic is
/// removed (as TCP would retransmit it after the cut heals). Not a Toxiproxy type; its
/// closest Toxiproxy equivalent is <c>timeout</c> with a timeout of 0.
/// </summary>
public sealed record BlackholeToxic : ToxicAttributes
{
    public const string TypeName = "blackhole";

    public override string Type => TypeName;

    public override IReadOnlyList<string> Validate() => [];

    internal override ToxicStage CreateStage(StageContext context) => new BlackholeStage(context);
}
