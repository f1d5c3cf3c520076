using System.Globalization;

namespace ApartiumChat.Cli.Bench;

/// <summary>
/// What Linux says about a process and the machine, read from /proc: CPU time used (user +
/// system, dead threads included), resident memory, machine-wide busy time and load average.
/// </summary>
/// <remarks>
/// /proc/PID/stat counts in clock ticks (USER_HZ, 100 per second on every Linux this runs
/// on), so a 20 s window resolves CPU use to 0.05 % of a core.
/// </remarks>
internal static class ProcessProbe
{
    private const double TicksPerSecond = 100;

    /// <summary>CPU seconds (user + system) the process has used so far, or null if it is gone.</summary>
    public static double? CpuSeconds(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        // The command name (field 2) is in parentheses and may hold spaces: count from after it.
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        var user = long.Parse(fields[11], CultureInfo.InvariantCulture); // field 14, utime
        var system = long.Parse(fields[12], CultureInfo.InvariantCulture); // field 15, stime
        return (user + system) / TicksPerSecond;
    }

    /// <summary>Resident memory of the process in bytes (VmRSS), or null if it is gone.</summary>
    public static long? ResidentBytes(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    var kib = long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                    return kib * 1024;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        return null;
    }

    /// <summary>The process's command name (e.g. "inspircd", "apartium"), or null if it is gone.</summary>
    public static string? Name(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/comm").Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Busy CPU seconds of the whole machine (all cores: everything but idle and iowait).</summary>
    public static double MachineBusySeconds()
    {
        var first = File.ReadLines("/proc/stat").First();
        var values = first.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var total = values.Take(8).Sum(); // user nice system idle iowait irq softirq steal
        var idle = values[3] + values[4];
        return (total - idle) / TicksPerSecond;
    }

    /// <summary>The 1, 5 and 15 minute load averages.</summary>
    public static (double One, double Five, double Fifteen) LoadAverage()
    {
        var parts = File.ReadAllText("/proc/loadavg").Split(' ');
        return (
            double.Parse(parts[0], CultureInfo.InvariantCulture),
            double.Parse(parts[1], CultureInfo.InvariantCulture),
            double.Parse(parts[2], CultureInfo.InvariantCulture));
    }
}
