using System.Text;

namespace ApartiumChat.Protocol.Tests;

public sealed class TagValueTests
{
    [TestCase("plain", "plain")]
    [TestCase("a;b c\\d\re\nf", @"a\:b\sc\\d\re\nf")]
    [TestCase("", "")]
    [TestCase("é 🙂", @"é\s🙂")]
    public void Escape_FollowsMessageTags(string value, string escaped)
    {
        Assert.That(TagValue.Escape(value), Is.EqualTo(escaped));
        Assert.That(TagValue.Unescape(escaped), Is.EqualTo(value));
    }

    [TestCase(@"a\b", "ab")]
    [TestCase(@"end\", "end")]
    [TestCase(@"\", "")]
    [TestCase(@"\\\", @"\")]
    [TestCase(@"\x\y\é", "xyé")]
    public void Unescape_UnknownEscapesAndTrailingBackslash_AreDropped(string raw, string value)
    {
        Assert.That(TagValue.Unescape(raw), Is.EqualTo(value));
        Assert.That(TagValue.UnescapeToString(Encoding.UTF8.GetBytes(raw)), Is.EqualTo(value));
        Assert.That(TagValue.GetUnescapedLength(Encoding.UTF8.GetBytes(raw)), Is.EqualTo(Encoding.UTF8.GetByteCount(value)));
    }

    [Test]
    public void TryEscape_IntoASpan_AndRefusesATooSmallOne()
    {
        Span<byte> destination = stackalloc byte[16];

        Assert.That(TagValue.TryEscape("a b;"u8, destination, out var written), Is.True);
        Assert.That(Encoding.UTF8.GetString(destination[..written]), Is.EqualTo(@"a\sb\:"));
        Assert.That(TagValue.TryEscape("a b;"u8, destination[..5], out written), Is.False);
        Assert.That(written, Is.Zero);
    }

    [Test]
    public void TryUnescape_IntoASpan_AndRefusesATooSmallOne()
    {
        Span<byte> destination = stackalloc byte[16];

        Assert.That(TagValue.TryUnescape(@"a\sb"u8, destination, out var written), Is.True);
        Assert.That(Encoding.UTF8.GetString(destination[..written]), Is.EqualTo("a b"));
        Assert.That(TagValue.TryUnescape(@"a\sb"u8, destination[..2], out _), Is.False);
    }
}
