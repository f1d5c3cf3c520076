using ApartiumChat.Faults.Toxics;

namespace ApartiumChat.Faults;

/// <summary>A toxic as a proxy holds it: the toxic, its place in the chain, and its heal timer if it lasts a given time.</summary>
internal sealed class ToxicEntry
{
    public ToxicEntry(Toxic toxic, long order)
    {
        Toxic = toxic;
        Order = order;
    }

    public Toxic Toxic { get; set; }

    /// <summary>Creation order on the proxy: toxics of one direction run in this order.</summary>
    public long Order { get; }

    public ITimer? Heal { get; set; }

    public string Name => Toxic.Name;

    public bool ActsOnBytes => Toxic.Attributes is not RefuseToxic;
}
