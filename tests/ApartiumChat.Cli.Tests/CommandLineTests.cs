using System.Diagnostics;

namespace ApartiumChat.Cli.Tests;

/// <summary>The built program, as a user runs it.</summary>
public sealed class CommandLineTests
{
    [Test]
    public void Help_ListsTheServerCommand_AndItsOptions()
    {
        var (code, output, _) = Run("server", "--help");

        Assert.That(code, Is.Zero);
        Assert.That(output, Does.Contain("--listen").And.Contain("--tls-listen").And.Contain("--set").And.Contain("--config"));
    }

    [Test]
    public void Server_WithInvalidSettings_ExitsWith2_ListingEveryProblem_WithoutAStackTrace()
    {
        var (code, _, error) = Run("server", "--listen", "nowhere:abc", "--set", "Limits:MaxConnections=0");

        Assert.That(code, Is.EqualTo(2));
        Assert.That(error, Does.Contain("Server:Listen").And.Contain("Server:Limits:MaxConnections must be at least 1"));
        Assert.That(error, Does.Not.Contain("   at "));
    }

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        var program = Path.Combine(AppContext.BaseDirectory, "apartium.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        start.ArgumentList.Add(program);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill();
            Assert.Fail("apartium did not exit");
        }

        return (process.ExitCode, output.Result, error.Result);
    }
}
