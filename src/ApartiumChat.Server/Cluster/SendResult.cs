using ApartiumChat.Server.Messages;

namespace ApartiumChat.Server.Cluster;

/// <summary>
/// The outcome of a send: accepted (and delivered), a duplicate of an earlier send with the
/// same idempotency key (delivered to nobody; <see cref="Message"/> is the original), or refused.
/// </summary>
public readonly record struct SendResult(ClusterError Error, OutboundMessage? Message, bool IsDuplicate, string Target)
{
    public static SendResult Refused(ClusterError error, string target) => new(error, null, false, target);

    public static SendResult Accepted(OutboundMessage message, string target) => new(ClusterError.None, message, false, target);

    public static SendResult Duplicate(OutboundMessage original, string target) => new(ClusterError.None, original, true, target);
}
