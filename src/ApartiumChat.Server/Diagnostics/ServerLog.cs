using Microsoft.Extensions.Logging;

namespace ApartiumChat.Server.Diagnostics;

/// <summary>The server's log messages, with stable event ids.</summary>
internal static partial class ServerLog
{
    [LoggerMessage(1000, LogLevel.Information, "{Server} listening on {EndPoint}{Tls}")]
    public static partial void Listening(ILogger logger, string server, string endPoint, string tls);

    [LoggerMessage(1001, LogLevel.Information, "{Server} stopped ({How})")]
    public static partial void Stopped(ILogger logger, string server, string how);

    [LoggerMessage(1002, LogLevel.Warning, "{Server} hung: not reading, writing or accepting")]
    public static partial void Hung(ILogger logger, string server);

    [LoggerMessage(1003, LogLevel.Information, "{Server} carries on after a hang")]
    public static partial void Unhung(ILogger logger, string server);

    [LoggerMessage(1100, LogLevel.Debug, "Connection {Connection} from {Remote} accepted")]
    public static partial void Accepted(ILogger logger, long connection, string remote);

    [LoggerMessage(1101, LogLevel.Debug, "Connection {Connection} closed: {Reason}")]
    public static partial void Closed(ILogger logger, long connection, string reason);

    [LoggerMessage(1102, LogLevel.Information, "Connection {Connection} registered as {Nick}")]
    public static partial void Registered(ILogger logger, long connection, string nick);

    [LoggerMessage(1103, LogLevel.Information, "Connection {Connection} resumed the session of {Nick}")]
    public static partial void Resumed(ILogger logger, long connection, string nick);

    [LoggerMessage(1104, LogLevel.Warning, "Connection {Connection} refused: {Reason}")]
    public static partial void Refused(ILogger logger, long connection, string reason);

    [LoggerMessage(1105, LogLevel.Warning, "Connection {Connection} TLS handshake failed: {Reason}")]
    public static partial void TlsFailed(ILogger logger, long connection, string reason);

    [LoggerMessage(1200, LogLevel.Error, "Connection {Connection}: unexpected error while handling {Command}")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, long connection, string command);

    [LoggerMessage(1201, LogLevel.Error, "{Server}: accept loop failed")]
    public static partial void AcceptFailed(ILogger logger, Exception exception, string server);
}
