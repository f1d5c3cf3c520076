namespace ApartiumChat.Client.Events;

/// <summary>One attempt at one server failed; the client tries the next one (or backs off).</summary>
public sealed record ConnectFailed(DateTimeOffset Time, string ClientId, string ServerId, ConnectionPurpose Purpose, ConnectFailure Failure, string Detail)
    : ClientEvent(Time, ClientId);
