namespace ApartiumChat.Faults.Chains;

/// <summary>Where a stage reports that its toxic acted on the connection (closed it, reset it).</summary>
internal interface IInjectionRecorder
{
    void Fired(string toxicName, string what);
}
