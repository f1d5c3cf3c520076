namespace ApartiumChat.Faults;

/// <summary>Why a <see cref="FaultProxyException"/> was thrown; the control API maps each to Toxiproxy's status code.</summary>
public enum FaultErrorKind
{
    /// <summary>A value is out of range or malformed (400).</summary>
    Invalid,

    /// <summary>No proxy of that name (404).</summary>
    ProxyNotFound,

    /// <summary>A proxy of that name exists (409).</summary>
    ProxyExists,

    /// <summary>No toxic of that name on the proxy (404).</summary>
    ToxicNotFound,

    /// <summary>A toxic of that name exists on the proxy (409).</summary>
    ToxicExists,

    /// <summary>The listen address could not be bound (500, as Toxiproxy answers a failed listen).</summary>
    ListenFailed,
}
