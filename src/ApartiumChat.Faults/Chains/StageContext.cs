using ApartiumChat.Faults.Toxics;

namespace ApartiumChat.Faults.Chains;

/// <summary>What a toxic's per-link state needs: its name, its own random source, and where to record what it did.</summary>
/// <param name="ToxicName">The toxic this stage runs.</param>
/// <param name="Stream">The direction it acts on.</param>
/// <param name="Order">Position of the toxic on its proxy: stages run in this order.</param>
/// <param name="Random">Per-(toxic, connection, direction) source for per-chunk draws (jitter, slice sizes).</param>
/// <param name="Recorder">Records when the toxic closes or resets the connection.</param>
internal sealed record StageContext(
    string ToxicName,
    ToxicStream Stream,
    long Order,
    Random Random,
    IInjectionRecorder Recorder);
