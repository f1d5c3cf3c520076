namespace ApartiumChat.Faults;

/// <summary>A request to a proxy or to the set of proxies could not be carried out.</summary>
public sealed class FaultProxyException : Exception
{
    public FaultProxyException()
        : this(FaultErrorKind.Invalid, "The request could not be carried out.")
    {
    }

    public FaultProxyException(string message)
        : this(FaultErrorKind.Invalid, message)
    {
    }

    public FaultProxyException(string message, Exception innerException)
        : base(message, innerException)
    {
        Kind = FaultErrorKind.Invalid;
    }

    public FaultProxyException(FaultErrorKind kind, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
    }

    public FaultErrorKind Kind { get; }
}
