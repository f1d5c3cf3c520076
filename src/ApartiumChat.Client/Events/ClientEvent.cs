namespace ApartiumChat.Client.Events;

/// <summary>
/// Something that happened to a client, stamped with the time of its <see cref="TimeProvider"/>
/// when it happened. The scenario runner measures from these events alone.
/// </summary>
/// <param name="Time">When it happened (the client's TimeProvider).</param>
/// <param name="ClientId">Which client (<see cref="HaClientOptions.ClientId"/>).</param>
public abstract record ClientEvent(DateTimeOffset Time, string ClientId);
