namespace ApartiumChat.Faults.Chains;

/// <summary>What a chain asks of the link it belongs to when a toxic ends the whole connection.</summary>
internal interface ILinkControl
{
    /// <summary>Closes both directions gracefully (FIN), dropping what is still buffered.</summary>
    void CloseFromToxic();

    /// <summary>Resets both ends (RST).</summary>
    void AbortFromToxic();
}
