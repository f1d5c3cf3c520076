using Microsoft.Extensions.Logging;

namespace ApartiumChat.Client;

/// <summary>The client's log messages, source-generated, with stable event ids.</summary>
internal static partial class ClientLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "{Client}: {Server} declared dead ({Reason}: {Detail})")]
    public static partial void ServerDead(ILogger logger, string client, string server, DeathReason reason, string detail);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "{Client}: failed over from {From} to {To} in {Milliseconds} ms")]
    public static partial void FailedOver(ILogger logger, string client, string from, string to, double milliseconds);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "{Client}: failed back from {From} to {To}")]
    public static partial void FailedBack(ILogger logger, string client, string from, string to);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Debug, Message = "{Client}: connecting to {Server} failed ({Failure}: {Detail})")]
    public static partial void ConnectFailed(ILogger logger, string client, string server, ConnectFailure failure, string detail);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Error, Message = "{Client}: an event subscriber threw on {Event}")]
    public static partial void SubscriberFailed(ILogger logger, Exception exception, string client, string @event);
}
