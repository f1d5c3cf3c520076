using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;

namespace ApartiumChat.Cli.Bench;

/// <summary>
/// Induces a full, blocking GC in another .NET process through its diagnostics port, the
/// way dotnet-gcdump does: an EventPipe session with the runtime's GCHeapCollect keyword.
/// The server needs no option or endpoint for it; a native server (the peers) has no GC.
/// </summary>
internal static class GcTrigger
{
    // Microsoft-Windows-DotNETRuntime keywords: GC (0x1) to see the GC end, GCHeapCollect (0x800000) to cause it.
    private const long GcKeyword = 0x1;
    private const long GcHeapCollectKeyword = 0x800000;

    /// <summary>Whether the process is a .NET process that publishes a diagnostics port.</summary>
    public static bool IsDotNet(int pid) => DiagnosticsClient.GetPublishedProcesses().Contains(pid);

    /// <summary>Induces a GC and waits for it (bounded); false if the process is not .NET.</summary>
    public static async Task<bool> CollectAsync(int pid, CancellationToken cancellationToken)
    {
        if (!IsDotNet(pid))
        {
            return false;
        }

        var client = new DiagnosticsClient(pid);
        var provider = new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, GcKeyword | GcHeapCollectKeyword);
        using var session = await client.StartEventPipeSessionAsync(provider, requestRundown: false, circularBufferMB: 16, cancellationToken);
        var draining = session.EventStream.CopyToAsync(Stream.Null, cancellationToken);

        // The induced GC runs as the session starts; a blocking gen2 GC of a few hundred MB
        // takes well under this. Then let the GC hand freed memory back before RSS is read.
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        await session.StopAsync(cancellationToken);
        await draining;
        return true;
    }
}
