using System.Text;

namespace ApartiumChat.Protocol.Tests.Names;

public sealed class IrcCaseMappingTests
{
    [TestCase("ascii", "Nick[]\\~^", "nick[]\\~^")]
    [TestCase("rfc1459", "Nick[]\\~^", "nick{}|~~")]
    [TestCase("rfc1459-strict", "Nick[]\\~^", "nick{}|~^")]
    public void Fold_MapsTheUpperCaseOfTheMapping(string name, string text, string folded)
    {
        var mapping = IrcCaseMapping.FromName(name);
        Span<char> chars = stackalloc char[text.Length];
        Span<byte> bytes = stackalloc byte[text.Length];

        Assert.That(mapping.Fold(text), Is.EqualTo(folded));
        Assert.That(chars[..mapping.Fold(text, chars)].ToString(), Is.EqualTo(folded));
        Assert.That(Encoding.ASCII.GetString(bytes[..mapping.Fold(Encoding.ASCII.GetBytes(text), bytes)]), Is.EqualTo(folded));
        Assert.That(mapping.Name, Is.EqualTo(name));
    }

    [Test]
    public void Fold_LeavesNonAsciiAlone_AndReturnsTheSameStringWhenNothingChanges()
    {
        const string lower = "été{}|";

        Assert.That(IrcCaseMapping.Rfc1459.Fold(lower), Is.SameAs(lower));
        Assert.That(IrcCaseMapping.Rfc1459.Fold("ÉÀ"), Is.EqualTo("ÉÀ"));
    }

    [Test]
    public void Fold_InPlace_Works()
    {
        var text = "HeLLo[]".ToCharArray();

        IrcCaseMapping.Rfc1459.Fold(text, text);

        Assert.That(new string(text), Is.EqualTo("hello{}"));
    }

    [TestCase("ascii", "Bob[a]", "bob{a}", false)]
    [TestCase("rfc1459", "Bob[a]^", "bob{a}~", true)]
    [TestCase("rfc1459-strict", "Bob[a]", "bob{a}", true)]
    [TestCase("rfc1459-strict", "a^", "a~", false)]
    [TestCase("rfc1459", "ab", "abc", false)]
    public void Equals_FollowsTheMapping_ForStringsSpansAndBytes(string name, string x, string y, bool equal)
    {
        var mapping = IrcCaseMapping.FromName(name);

        Assert.That(mapping.Equals(x, y), Is.EqualTo(equal));
        Assert.That(mapping.Equals(x.AsSpan(), y.AsSpan()), Is.EqualTo(equal));
        Assert.That(mapping.Equals(Encoding.UTF8.GetBytes(x).AsSpan(), Encoding.UTF8.GetBytes(y).AsSpan()), Is.EqualTo(equal));
        Assert.That(mapping.Equals(Encoding.UTF8.GetBytes(x).AsSpan(), y), Is.EqualTo(equal));
        if (equal)
        {
            Assert.That(mapping.GetHashCode(x), Is.EqualTo(mapping.GetHashCode(y)));
        }
    }

    [Test]
    public void AsDictionaryComparer_FindsNicksWhateverTheirCase()
    {
        var nicks = new Dictionary<string, int>(IrcCaseMapping.Rfc1459) { ["Ann[away]"] = 1, ["Bob"] = 2 };

        Assert.That(nicks["ann{AWAY}"], Is.EqualTo(1));
        Assert.That(nicks.ContainsKey("BOB"), Is.True);
        Assert.That(nicks.ContainsKey("Bob2"), Is.False);
    }

    [Test]
    public void AlternateLookups_ByCharsAndUtf8Bytes_FindTheSameEntries()
    {
        var channels = new Dictionary<string, int>(IrcCaseMapping.Rfc1459) { ["#Lobby"] = 1, ["#Café🙂"] = 2 };
        var byChars = channels.GetAlternateLookup<ReadOnlySpan<char>>();
        var byBytes = channels.GetAlternateLookup<ReadOnlySpan<byte>>();

        Assert.That(byChars.TryGetValue("#LOBBY".AsSpan(), out var lobby) && lobby == 1, Is.True);
        Assert.That(byBytes.TryGetValue("#lobby"u8, out lobby) && lobby == 1, Is.True);
        Assert.That(byBytes.TryGetValue(Encoding.UTF8.GetBytes("#CAFé🙂"), out var cafe) && cafe == 2, Is.True);
        Assert.That(byBytes.TryGetValue("#CAFE"u8, out _), Is.False);
        Assert.That(byBytes.TryGetValue([0x23, 0xFF], out _), Is.False);
    }

    [TestCase("ASCII", "ascii")]
    [TestCase("strict-rfc1459", "rfc1459-strict")]
    [TestCase("rfc1459", "rfc1459")]
    public void TryGet_KnowsTheIsupportNames(string name, string expected)
    {
        Assert.That(IrcCaseMapping.TryGet(name, out var mapping), Is.True);
        Assert.That(mapping!.ToString(), Is.EqualTo(expected));
    }

    [Test]
    public void FromName_Unknown_SaysWhatIsKnown()
    {
        Assert.That(IrcCaseMapping.TryGet("rfc7613", out _), Is.False);
        Assert.That(IrcCaseMapping.TryGet(null, out _), Is.False);
        Assert.That(() => IrcCaseMapping.FromName("rfc7613"), Throws.ArgumentException.With.Message.Contains("rfc1459-strict"));
    }
}
