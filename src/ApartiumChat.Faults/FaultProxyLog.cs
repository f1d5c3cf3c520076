using Microsoft.Extensions.Logging;

namespace ApartiumChat.Faults;

internal static partial class FaultProxyLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Proxy {Proxy} listening on {Listen}, forwarding to {Upstream}")]
    public static partial void Started(ILogger logger, string proxy, string listen, string upstream);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Proxy {Proxy} stopped listening")]
    public static partial void Stopped(ILogger logger, string proxy);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Debug, Message = "Proxy {Proxy} accepted connection #{Number} from {Client}")]
    public static partial void Accepted(ILogger logger, string proxy, long number, string client);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Warning, Message = "Proxy {Proxy} could not reach upstream {Upstream} for connection #{Number}: {Reason}")]
    public static partial void UpstreamFailed(ILogger logger, string proxy, string upstream, long number, string reason);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Information, Message = "Proxy {Proxy} refused connection #{Number} (toxic {Toxic})")]
    public static partial void Refused(ILogger logger, string proxy, long number, string toxic);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Warning, Message = "Proxy {Proxy} stopped accepting: {Reason}")]
    public static partial void AcceptFailed(ILogger logger, string proxy, string reason);

    [LoggerMessage(EventId = 4008, Level = LogLevel.Warning, Message = "Proxy {Proxy} could not admit a connection: {Reason}")]
    public static partial void AdmitFailed(ILogger logger, string proxy, string reason);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Error, Message = "Proxy {Proxy}: connection #{Number} failed unexpectedly")]
    public static partial void LinkFailed(ILogger logger, Exception exception, string proxy, long number);
}
