using System.Net;

namespace ApartiumChat.Transport.Tests;

public sealed class NetworkAddressTests
{
    [TestCase("127.0.0.1", "127.0.0.1:6667")]
    [TestCase("127.0.0.1:7000", "127.0.0.1:7000")]
    [TestCase("[::1]:7000", "[::1]:7000")]
    [TestCase("::1", "[::1]:6667")]
    [TestCase("irc.example.com", "irc.example.com:6667")]
    [TestCase("localhost:1", "localhost:1")]
    public void Parse_AcceptsWhatPeopleType(string text, string expected)
    {
        Assert.That(NetworkAddress.Format(NetworkAddress.Parse(text, 6667)), Is.EqualTo(expected));
    }

    [TestCase("", "empty")]
    [TestCase("host:99999", "port")]
    [TestCase("host:abc", "port")]
    [TestCase("[::1", "']'")]
    [TestCase("bad host", "not a valid host")]
    public void TryParse_RefusesNonsense_WithAReason(string text, string reason)
    {
        Assert.That(NetworkAddress.TryParse(text, 6667, out _, out var error), Is.False);
        Assert.That(error, Does.Contain(reason));
    }

    [Test]
    public void Parse_HostName_GivesADnsEndPoint()
    {
        Assert.That(NetworkAddress.Parse("example.org:1", 6667), Is.TypeOf<DnsEndPoint>());
    }
}
