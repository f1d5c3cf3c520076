using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ApartiumChat.Cli.Proxy;

/// <summary>socat as a plain TCP relay, in a child process: the benchmark's yardstick.</summary>
internal sealed class SocatRelay : IDisposable
{
    private readonly Process _process;

    private SocatRelay(Process process, IPEndPoint endPoint, string commandLine)
    {
        _process = process;
        EndPoint = endPoint;
        CommandLine = commandLine;
    }

    public IPEndPoint EndPoint { get; }

    public string CommandLine { get; }

    /// <summary>Starts socat relaying a free loopback port to <paramref name="upstream"/>; null with a reason if it cannot.</summary>
    public static SocatRelay? Start(string executable, IPEndPoint upstream, out string? problem)
    {
        var port = FreePort();
        // nodelay on both sides, as the apartium proxy sets it; fork serves each connection in a child.
        string[] arguments =
        [
            string.Create(CultureInfo.InvariantCulture, $"TCP-LISTEN:{port},bind=127.0.0.1,reuseaddr,fork,nodelay"),
            string.Create(CultureInfo.InvariantCulture, $"TCP:{upstream.Address}:{upstream.Port},nodelay"),
        ];
        var start = new ProcessStartInfo(executable) { UseShellExecute = false, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception("socat did not start");
        }
        catch (Win32Exception e)
        {
            problem = $"cannot run '{executable}' ({e.Message}); install it with: apt-get install -y socat";
            return null;
        }

        var endPoint = new IPEndPoint(IPAddress.Loopback, port);
        var relay = new SocatRelay(process, endPoint, $"{executable} {string.Join(' ', arguments)}");
        if (!relay.WaitUntilListening(TimeSpan.FromSeconds(5)))
        {
            relay.Dispose();
            problem = $"socat did not start listening on {endPoint}";
            return null;
        }

        problem = null;
        return relay;
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
    }

    private static int FreePort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }

    private bool WaitUntilListening(TimeSpan limit)
    {
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < limit)
        {
            if (_process.HasExited)
            {
                return false;
            }

            try
            {
                using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                socket.Connect(EndPoint);
                return true;
            }
            catch (SocketException)
            {
                Thread.Sleep(20);
            }
        }

        return false;
    }
}
