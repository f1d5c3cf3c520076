using ApartiumChat.Cli.Hosting;
using Microsoft.Extensions.Configuration;

namespace ApartiumChat.Cli.Tests;

public sealed class ServerSettingsTests
{
    [Test]
    public void Defaults_OneNodeOnLoopback6667()
    {
        var (settings, problems) = ServerSettings.Load(Configuration());

        Assert.That(problems, Is.Empty);
        Assert.That(settings!.Nodes, Has.Count.EqualTo(1));
        Assert.That(settings.Nodes[0].Endpoints[0].Address.ToString(), Is.EqualTo("127.0.0.1:6667"));
        Assert.That(settings.Nodes[0].Name, Is.EqualTo("apartium.local"));
    }

    [Test]
    public void SeveralListenAddresses_MakeOneNodeEach()
    {
        var (settings, _) = ServerSettings.Load(Configuration(("Server:Listen:0", "127.0.0.1:7000"), ("Server:Listen:1", "[::1]:7001"), ("Server:ServerName", "chat.test")));

        Assert.That(settings!.Nodes.Select(n => n.Name), Is.EqualTo(new[] { "s0.chat.test", "s1.chat.test" }));
        Assert.That(settings.Nodes[1].Endpoints[0].Address.ToString(), Is.EqualTo("[::1]:7001"));
    }

    [Test]
    public void Settings_BindDurationsNumbersAndLists()
    {
        var (settings, problems) = ServerSettings.Load(Configuration(
            ("Server:Limits:PingInterval", "90s"),
            ("Server:Limits:RegistrationTimeout", "00:00:45"),
            ("Server:Limits:FloodLinesPerSecond", "2.5"),
            ("Server:Ha:ShutdownGrace", "500ms"),
            ("Server:Motd:0", "line one"),
            ("Server:Motd:1", "line two")));

        Assert.That(problems, Is.Empty);
        var options = settings!.Options;
        Assert.That(options.Limits.PingInterval, Is.EqualTo(TimeSpan.FromSeconds(90)));
        Assert.That(options.Limits.RegistrationTimeout, Is.EqualTo(TimeSpan.FromSeconds(45)));
        Assert.That(options.Limits.FloodLinesPerSecond, Is.EqualTo(2.5));
        Assert.That(options.Ha.ShutdownGrace, Is.EqualTo(TimeSpan.FromMilliseconds(500)));
        Assert.That(options.Motd, Is.EqualTo(new[] { "line one", "line two" }));
        Assert.That(options.Limits.MaxConnections, Is.EqualTo(10_000), "untouched settings keep their defaults");
    }

    [Test]
    public void InvalidSettings_AreAllReportedAtOnce()
    {
        var (settings, problems) = ServerSettings.Load(Configuration(
            ("Server:Listen:0", "127.0.0.1:99999"),
            ("Server:Limits:MaxConnections", "lots"),
            ("Server:Limits:PingInterval", "-3"),
            ("Server:Limits:FloodBurstLines", "0"),
            ("Server:CaseMapping", "unicode"),
            ("Server:Colour", "blue"),
            ("Server:TlsListen:0", "127.0.0.1:6697")));

        Assert.That(settings, Is.Null);
        Assert.That(problems, Is.EquivalentTo(new[]
        {
            "Server:Colour: unknown setting; known here: CaseMapping, Ha, History, Limits, Motd, NetworkName, Password, ServerName",
            "Server:Limits:MaxConnections: 'lots' is not a whole number",
            "Server:Limits:PingInterval: '-3' is not a duration (30, 500ms, 30s, 2m, 1h or 00:00:30)",
            "Server:Limits:FloodBurstLines must be at least 1 (got 0)",
            "Server:CaseMapping 'unicode' is not one of ascii, rfc1459, rfc1459-strict",
            "Server:Listen: '127.0.0.1:99999': the port must be a number from 0 to 65535",
            "Server:TlsListen needs Server:Certificate (a .pfx file, --certificate)",
        }));
    }

    [Test]
    public void MissingCertificateFile_IsReported()
    {
        var (_, problems) = ServerSettings.Load(Configuration(("Server:TlsListen:0", "127.0.0.1:6697"), ("Server:Certificate", "/nonexistent/server.pfx")));

        Assert.That(problems, Has.Exactly(1).StartsWith("Server:Certificate: cannot load '/nonexistent/server.pfx'"));
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();
}
