namespace ApartiumChat.Protocol.Tests.Names;

public sealed class NameRulesTests
{
    [TestCase("ann", true)]
    [TestCase("Ann_2", true)]
    [TestCase("[away]`^{|}\\", true)]
    [TestCase("a-b", true)]
    [TestCase("", false)]
    [TestCase("2ann", false)]
    [TestCase("-ann", false)]
    [TestCase("#ann", false)]
    [TestCase("an n", false)]
    [TestCase("ann!", false)]
    [TestCase("ann@h", false)]
    [TestCase("a.b", false)]
    [TestCase("a,b", false)]
    [TestCase("a*", false)]
    [TestCase("é", false)]
    [TestCase("abcdefghijabcdefghijabcdefghij", true)]
    [TestCase("abcdefghijabcdefghijabcdefghijk", false)]
    public void Nickname_IsValid(string nick, bool valid)
    {
        Assert.That(Nickname.IsValid(nick), Is.EqualTo(valid));
    }

    [Test]
    public void Nickname_MaxLength_IsConfigurable()
    {
        Assert.That(Nickname.IsValid("abcd", 3), Is.False);
        Assert.That(Nickname.IsValid("abc", 3), Is.True);
    }

    [TestCase("#lobby", true)]
    [TestCase("&local", true)]
    [TestCase("#Café🙂", true)]
    [TestCase("#a:b", true)]
    [TestCase("#", false)]
    [TestCase("lobby", false)]
    [TestCase("+lobby", false)]
    [TestCase("#a b", false)]
    [TestCase("#a,b", false)]
    [TestCase("#a\ab", false)]
    [TestCase("", false)]
    public void ChannelName_IsValid_WithDefaultChanTypes(string name, bool valid)
    {
        Assert.That(ChannelName.IsValid(name), Is.EqualTo(valid));
    }

    [Test]
    public void ChannelName_ChanTypesAndLength_AreConfigurable()
    {
        Assert.That(ChannelName.IsValid("+lobby", "#+", 50), Is.True);
        Assert.That(ChannelName.IsValid("&lobby", "#", 50), Is.False);
        Assert.That(ChannelName.IsValid("#" + new string('a', 49)), Is.True);
        Assert.That(ChannelName.IsValid("#" + new string('a', 50)), Is.False);
        Assert.That(ChannelName.StartsWithChannelType("#x") && !ChannelName.StartsWithChannelType("ann"), Is.True);
        Assert.That(ChannelName.StartsWithChannelType(""), Is.False);
    }

    [Test]
    public void Hostname_LabelRules()
    {
        Assert.That(Hostname.IsValid(new string('a', 63) + ".com"), Is.True);
        Assert.That(Hostname.IsValid(new string('a', 64) + ".com"), Is.False);
        Assert.That(Hostname.IsValid("a..com"), Is.False);
        Assert.That(Hostname.IsValid("."), Is.False);
        Assert.That(Hostname.IsValid(string.Join('.', Enumerable.Repeat("abcdefg", 40))), Is.False); // 319 characters
    }

    [Test]
    public void IrcSource_FormatsItsParts()
    {
        Assert.That(new IrcSource("ann", "a", "h").ToString(), Is.EqualTo("ann!a@h"));
        Assert.That(new IrcSource("ann", Host: "h").ToString(), Is.EqualTo("ann@h"));
        Assert.That(new IrcSource("ann", "a").ToString(), Is.EqualTo("ann!a"));
        Assert.That(new IrcSource("irc.example.com").ToString(), Is.EqualTo("irc.example.com"));
        Assert.That(IrcSource.NickOf("ann!a@h"u8).SequenceEqual("ann"u8), Is.True);
        Assert.That(IrcSource.Parse("a@b!c"), Is.EqualTo(new IrcSource("a", null, "b!c")));
    }

    [TestCase("*", "anything", true)]
    [TestCase("*", "", true)]
    [TestCase("", "", true)]
    [TestCase("", "a", false)]
    [TestCase("a*b*c", "aXXbYYc", true)]
    [TestCase("a*b*c", "aXXbYY", false)]
    [TestCase("*!*@*.example.com", "Ann!a@host.EXAMPLE.com", true)]
    [TestCase("ann!*@*", "ANN!x@y", true)]
    [TestCase("a?c", "abc", true)]
    [TestCase("a?c", "ac", false)]
    [TestCase("**a", "bba", true)]
    [TestCase("*ab", "aab", true)]
    [TestCase("nick[a]!*@*", "NICK{A}!x@y", true)]
    public void IrcMask_IsMatch(string mask, string text, bool expected)
    {
        Assert.That(IrcMask.IsMatch(mask, text, IrcCaseMapping.Rfc1459), Is.EqualTo(expected));
    }

    [Test]
    public void IrcMask_LongPathologicalInput_FinishesQuickly()
    {
        var mask = string.Concat(Enumerable.Repeat("*a", 200)) + "b";
        var text = new string('a', 5000);

        Assert.That(IrcMask.IsMatch(mask, text, IrcCaseMapping.Ascii), Is.False);
    }
}
