namespace ApartiumChat.Scenarios.Model;

/// <summary>Whether a fault acts on a whole server or on client-to-server links.</summary>
public enum FaultKind
{
    Server,
    Link,
}
