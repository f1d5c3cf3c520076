using System.Text;

namespace ApartiumChat.Protocol.Tests;

public sealed class IrcLineTests
{
    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static IrcParseError ErrorOf(byte[] line)
    {
        IrcLine.TryParse(line, out _, out var error);
        return error;
    }

    [Test]
    public void TryParse_TypicalPrivmsg_ExposesEveryPartAsSpans()
    {
        var bytes = Bytes("@time=2026-12-03T10:00:01.000Z;msgid=abc :ann!a@h PRIVMSG #lobby :hello world");

        Assert.That(IrcLine.TryParse(bytes, out var line, out var error), Is.True);
        Assert.That(error, Is.EqualTo(IrcParseError.None));
        Assert.That(line.HasTags && line.HasSource, Is.True);
        Assert.That(Encoding.UTF8.GetString(line.RawTags), Is.EqualTo("time=2026-12-03T10:00:01.000Z;msgid=abc"));
        Assert.That(Encoding.UTF8.GetString(line.Source), Is.EqualTo("ann!a@h"));
        Assert.That(Encoding.UTF8.GetString(line.Command), Is.EqualTo("PRIVMSG"));
        Assert.That(line.ParamCount, Is.EqualTo(2));
        Assert.That(line.ParamString(0), Is.EqualTo("#lobby"));
        Assert.That(line.ParamString(1), Is.EqualTo("hello world"));
        Assert.That(line.IsCommand("privmsg"u8) && line.IsCommand("PrivMsg"), Is.True);
        Assert.That(line.IsCommand("NOTICE"), Is.False);
    }

    [Test]
    public void TryParse_NoTagsNoSource_HasNeither()
    {
        Assert.That(IrcLine.TryParse(Bytes("PING :x y"), out var line, out _), Is.True);

        Assert.That(line.HasTags || line.HasSource, Is.False);
        Assert.That(line.RawTags.IsEmpty && line.Source.IsEmpty, Is.True);
    }

    [Test]
    public void Param_OutOfRange_Throws()
    {
        IrcLine.TryParse(Bytes("PING a"), out var line, out _);

        Assert.That(line.Param(0).SequenceEqual("a"u8), Is.True);
        try
        {
            line.Param(1);
            Assert.Fail("expected an exception");
        }
        catch (ArgumentOutOfRangeException)
        {
        }
    }

    [TestCase("", IrcParseError.MissingCommand)]
    [TestCase("   ", IrcParseError.MissingCommand)]
    [TestCase(":src", IrcParseError.MissingCommand)]
    [TestCase(":src   ", IrcParseError.MissingCommand)]
    [TestCase("@a=b", IrcParseError.MissingCommand)]
    [TestCase(": PING", IrcParseError.MalformedSource)]
    [TestCase(":", IrcParseError.MalformedSource)]
    [TestCase("@ PING", IrcParseError.MalformedTags)]
    [TestCase("@=v PING", IrcParseError.MalformedTags)]
    [TestCase("@a;;b PING", IrcParseError.MalformedTags)]
    [TestCase("@a; PING", IrcParseError.MalformedTags)]
    [TestCase("@k+y=v PING", IrcParseError.MalformedTags)]
    [TestCase("@+ PING", IrcParseError.MalformedTags)]
    [TestCase("@vendor/ PING", IrcParseError.MalformedTags)]
    [TestCase("PRIV-MSG #a", IrcParseError.InvalidCommand)]
    [TestCase("12 x", IrcParseError.InvalidCommand)]
    [TestCase("1234 x", IrcParseError.InvalidCommand)]
    [TestCase("PRIVMSG1 x", IrcParseError.InvalidCommand)]
    [TestCase("PING a\rb", IrcParseError.ContainsLineBreak)]
    [TestCase("PING a\nb", IrcParseError.ContainsLineBreak)]
    [TestCase("PING a\0b", IrcParseError.ContainsNul)]
    [TestCase("PING \r\0", IrcParseError.ContainsNul)]
    public void TryParse_BadLine_GivesItsError(string text, IrcParseError expected)
    {
        Assert.That(ErrorOf(Bytes(text)), Is.EqualTo(expected));
        Assert.That(expected.IsMalformed(), Is.EqualTo(expected is not IrcParseError.ContainsNul));
    }

    [Test]
    public void TryParse_InvalidUtf8_IsItsOwnError()
    {
        Assert.That(ErrorOf([.. "PRIVMSG #a :"u8, 0xC3, 0x28]), Is.EqualTo(IrcParseError.InvalidUtf8));
        Assert.That(ErrorOf([.. "PRIVMSG #a :"u8, 0xED, 0xA0, 0x80]), Is.EqualTo(IrcParseError.InvalidUtf8)); // a UTF-8 surrogate
        Assert.That(ErrorOf(Bytes("PRIVMSG #a :héllo ✓ 🙂")), Is.EqualTo(IrcParseError.None));
        Assert.That(IrcParseError.InvalidUtf8.IsMalformed(), Is.False);
    }

    [Test]
    public void TryParse_MoreThanFifteenParams_TheFifteenthTakesTheRest()
    {
        var text = "CMD 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 :17";

        IrcLine.TryParse(Bytes(text), out var line, out _);

        Assert.That(line.ParamCount, Is.EqualTo(15));
        Assert.That(line.ParamString(13), Is.EqualTo("14"));
        Assert.That(line.ParamString(14), Is.EqualTo("15 16 :17"));
        Assert.That(IrcMessage.Parse(line.ToMessage().ToString()), Is.EqualTo(line.ToMessage()));
    }

    [Test]
    public void TryParse_FifteenthParamWithColon_DropsTheColonAsAnyTrailing()
    {
        IrcLine.TryParse(Bytes("CMD 1 2 3 4 5 6 7 8 9 10 11 12 13 14 :a b"), out var line, out _);

        Assert.That(line.ParamString(14), Is.EqualTo("a b"));
    }

    [Test]
    public void TryGetTag_FindsRawValue_LastOneWins()
    {
        IrcLine.TryParse(Bytes(@"@a=1;b=x\sy;c;a=2 PING"), out var line, out _);

        Assert.That(line.TryGetTag("a"u8, out var a) && a.SequenceEqual("2"u8), Is.True);
        Assert.That(line.TryGetTag("b"u8, out var b) && b.SequenceEqual(@"x\sy"u8), Is.True);
        Assert.That(line.TryGetTag("c"u8, out var c) && c.IsEmpty, Is.True);
        Assert.That(line.TryGetTag("d"u8, out _), Is.False);
        Assert.That(line.TryGetTag("+a"u8, out _), Is.False);
    }

    [Test]
    public void TryGetTag_UnescapesIntoTheCallersBuffer()
    {
        IrcLine.TryParse(Bytes(@"@label=a\:b\sc\\d\re\nf\ PING"), out var line, out _);
        Span<byte> value = stackalloc byte[64];

        Assert.That(line.TryGetTag("label"u8, value, out var length), Is.True);

        Assert.That(Encoding.UTF8.GetString(value[..length]), Is.EqualTo("a;b c\\d\re\nf"));
        Assert.That(line.GetTagString("label"), Is.EqualTo("a;b c\\d\re\nf"));
        Assert.That(line.GetTagString("nope"), Is.Null);
    }

    [Test]
    public void TryGetTag_DestinationTooSmall_Throws()
    {
        IrcLine.TryParse(Bytes("@label=abcdef PING"), out var line, out _);

        Assert.That(() =>
        {
            Span<byte> small = stackalloc byte[3];
            IrcLine.TryParse(Bytes("@label=abcdef PING"), out var again, out _);
            again.TryGetTag("label"u8, small, out _);
        }, Throws.ArgumentException);
        Assert.That(line.GetTagString("label"), Is.EqualTo("abcdef"));
    }

    [Test]
    public void Tags_EnumerateInWireOrder_WithDuplicates()
    {
        IrcLine.TryParse(Bytes("@+draft/react=x;a=1;b;a=2 PING"), out var line, out _);
        var seen = new List<string>();

        foreach (var tag in line.Tags)
        {
            seen.Add($"{Encoding.UTF8.GetString(tag.Key)}={Encoding.UTF8.GetString(tag.RawValue)}{(tag.IsClientOnly ? " (client)" : "")}");
        }

        Assert.That(seen, Is.EqualTo(new[] { "+draft/react=x (client)", "a=1", "b=", "a=2" }));
    }

    [Test]
    public void ToMessage_RepeatedTag_KeepsFirstPlaceAndLastValue()
    {
        IrcLine.TryParse(Bytes("@a=1;b=2;a=3 PING"), out var line, out _);

        var message = line.ToMessage();

        Assert.That(message.Tags, Is.EqualTo(new[] { new IrcTag("a", "3"), new IrcTag("b", "2") }));
    }

    [Test]
    public void ToMessage_ManyRepeatedTags_StillDeduplicates()
    {
        var raw = string.Join(';', Enumerable.Range(0, 40).Select(i => $"k{i % 20}={i}"));
        IrcLine.TryParse(Bytes($"@{raw} PING"), out var line, out _);

        var message = line.ToMessage();

        Assert.That(message.Tags, Has.Length.EqualTo(20));
        Assert.That(message.GetTag("k3"), Is.EqualTo("23"));
        Assert.That(message.Tags[3].Key, Is.EqualTo("k3"));
    }
}
