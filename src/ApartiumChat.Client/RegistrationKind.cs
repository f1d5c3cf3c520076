namespace ApartiumChat.Client;

/// <summary>How the client came to be registered on a server.</summary>
public enum RegistrationKind
{
    /// <summary>A first registration: nick, user, channels joined.</summary>
    Fresh,

    /// <summary>The session was resumed with its token: nick and channels came back as they were.</summary>
    Resumed,

    /// <summary>The session could not be resumed (token refused, or no HA support): registered afresh and rejoined.</summary>
    Reregistered,
}
