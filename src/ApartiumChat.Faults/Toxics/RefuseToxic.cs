using ApartiumChat.Faults.Chains;

namespace ApartiumChat.Faults.Toxics;

/// <summary>
/// New connections are refused while the toxic is in force: the proxy resets each one as it
/// is accepted, before any byte flows and without connecting upstream. Connections already
/// open are not touched. The toxicity is the share of new connections refused; the stream
/// is ignored. Not a Toxiproxy type (Toxiproxy refuses only by disabling the whole proxy,
/// which <see cref="FaultProxy.DisableAsync"/> also does).
/// </summary>
public sealed record RefuseToxic : ToxicAttributes
{
    public const string TypeName = "refuse";

    public override string Type => TypeName;

    public override IReadOnlyList<string> Validate() => [];

    internal override ToxicStage? CreateStage(StageContext context) => null;
}
