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

    private static (int Code, string Output, string Error) Run(params string[] args) => Apartium.Run(TimeSpan.FromMinutes(1), args);
}
