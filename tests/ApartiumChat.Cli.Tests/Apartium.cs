using System.Diagnostics;

namespace ApartiumChat.Cli.Tests;

/// <summary>Runs the built <c>apartium</c> program as a user would.</summary>
internal static class Apartium
{
    public static (int Code, string Output, string Error) Run(TimeSpan bound, params string[] args)
    {
        var program = Path.Combine(AppContext.BaseDirectory, "apartium.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryRoot(),
        };
        start.ArgumentList.Add(program);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(bound))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"apartium {string.Join(' ', args)} did not exit within {bound}");
        }

        return (process.ExitCode, output.Result, error.Result);
    }

    /// <summary>The repository root (where scenarios/ is), so shipped scenario names resolve.</summary>
    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (Directory.Exists(Path.Combine(directory.FullName, "scenarios")))
            {
                return directory.FullName;
            }
        }

        return Path.GetTempPath();
    }
}
