namespace ApartiumChat.Faults.Journal;

/// <summary>What an <see cref="InjectionRecord"/> says happened.</summary>
public enum InjectionKind
{
    /// <summary>Whether a toxic applies to a connection (or, for a runner, a fault to a client) was drawn.</summary>
    Decision,

    /// <summary>A new connection was refused (a <c>refuse</c> toxic applied to it).</summary>
    Refused,

    /// <summary>A toxic ended a connection: closed it (timeout, limit_data) or reset it (reset_peer).</summary>
    Fired,

    /// <summary>A one-shot reset of the connections open at that instant.</summary>
    Reset,

    /// <summary>A fault that lasted a given time removed itself.</summary>
    Healed,
}
