using System.Diagnostics;

namespace ApartiumChat.Cli.Bench;

/// <summary>
/// CPU used over a measured window by the server, by this load generator, and by everything
/// else on the machine (other engineers' builds on a shared box), each as seconds and as a
/// share of one core.
/// </summary>
internal sealed class CpuWindow
{
    private readonly int? _serverPid;
    private readonly long _startedAt;
    private readonly double? _server;
    private readonly double _generator;
    private readonly double _machine;

    private CpuWindow(int? serverPid)
    {
        _serverPid = serverPid;
        _startedAt = Stopwatch.GetTimestamp();
        _server = serverPid is { } pid ? ProcessProbe.CpuSeconds(pid) : null;
        _generator = GeneratorSeconds();
        _machine = ProcessProbe.MachineBusySeconds();
    }

    public static CpuWindow Start(int? serverPid) => new(serverPid);

    public CpuUse Stop()
    {
        var wall = Stopwatch.GetElapsedTime(_startedAt).TotalSeconds;
        var server = _serverPid is { } pid && _server is { } before && ProcessProbe.CpuSeconds(pid) is { } after ? after - before : (double?)null;
        var generator = GeneratorSeconds() - _generator;
        var machine = ProcessProbe.MachineBusySeconds() - _machine;
        var other = Math.Max(0, machine - generator - (server ?? 0));
        return new CpuUse(wall, server, generator, other, Environment.ProcessorCount);
    }

    private static double GeneratorSeconds()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime.TotalSeconds;
    }
}

/// <summary>CPU seconds over a wall-clock window; shares are of one core.</summary>
internal sealed record CpuUse(double WallSeconds, double? ServerSeconds, double GeneratorSeconds, double OtherSeconds, int Cores)
{
    public double? ServerShare => ServerSeconds / WallSeconds;

    public double GeneratorShare => GeneratorSeconds / WallSeconds;

    public double OtherShare => OtherSeconds / WallSeconds;

    /// <summary>
    /// The load generator, not the server, may have limited the run: it kept at least half a
    /// core busy, used at least as much CPU as the server, and the machine's cores (shared by
    /// both) were nearly all busy; or, the server's use unknown, it kept most of a core busy.
    /// </summary>
    public bool GeneratorBound => ServerShare is { } server
        ? GeneratorShare >= 0.5 && GeneratorShare >= server && GeneratorShare + server + OtherShare >= 0.85 * Cores
        : GeneratorShare >= 0.85;
}
