using System.Globalization;
using ApartiumChat.Protocol;
using ApartiumChat.Server.Messages;

namespace ApartiumChat.Server.Node;

/// <summary>Graceful shutdown: tell the client to move, then close (its HA session is only detached).</summary>
internal sealed partial class ClientConnection
{
    public void AnnounceShutdown(TimeSpan grace, string reason)
    {
        // Straight to the queue: this runs on the shutdown caller, not inside a command's response.
        var announcement = Capabilities.HasFlag(ClientCapabilities.Ha)
            ? new IrcMessage(IrcCommands.Ha, HaSubcommands.Move, Math.Ceiling(grace.TotalSeconds).ToString(CultureInfo.InvariantCulture), reason)
            : new IrcMessage(IrcCommands.Notice, Target, $"{reason}: please reconnect to another server");
        Enqueue(Encode(announcement with { Source = _server.Name }));
    }

    public void CloseForShutdown(string reason) => RequestClose(reason, "server shutdown");
}
