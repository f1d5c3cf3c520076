using System.Buffers;
using System.Text;

namespace ApartiumChat.Protocol.Tests;

public sealed class IrcMessageTests
{
    [Test]
    public void ToString_UsesTheTrailingColonOnlyWhenNeeded()
    {
        Assert.That(new IrcMessage("PRIVMSG", "#a", "hello").ToString(), Is.EqualTo("PRIVMSG #a hello"));
        Assert.That(new IrcMessage("PRIVMSG", "#a", "hello world").ToString(), Is.EqualTo("PRIVMSG #a :hello world"));
        Assert.That(new IrcMessage("PRIVMSG", "#a", ":)").ToString(), Is.EqualTo("PRIVMSG #a ::)"));
        Assert.That(new IrcMessage("AWAY", "").ToString(), Is.EqualTo("AWAY :"));
        Assert.That(new IrcMessage("AWAY").ToString(), Is.EqualTo("AWAY"));
    }

    [Test]
    public void Builders_ComposeAWholeMessage()
    {
        var message = new IrcMessage("PRIVMSG", "#lobby", "hello world") { Source = "ann!ann@host" }
            .WithTag("label", "m1")
            .WithTag("apartium.chat/duplicate")
            .WithTag("label", "m2");

        Assert.That(message.ToString(), Is.EqualTo("@label=m2;apartium.chat/duplicate :ann!ann@host PRIVMSG #lobby :hello world"));
        Assert.That(message.WithoutTag("label").ToString(), Is.EqualTo("@apartium.chat/duplicate :ann!ann@host PRIVMSG #lobby :hello world"));
        Assert.That(message.WithoutTag("nope"), Is.SameAs(message));
        Assert.That(message.WithSource(null).WithTags().ToString(), Is.EqualTo("PRIVMSG #lobby :hello world"));
        Assert.That(message.WithParams("#other", "x").LastParam, Is.EqualTo("x"));
        Assert.That((message with { Command = "NOTICE" }).Command, Is.EqualTo("NOTICE"));
    }

    [Test]
    public void Accessors_ReadTagsAndParams()
    {
        var message = IrcMessage.Parse("@a=1;b :s PRIVMSG #x :text here");

        Assert.That(message.TryGetTag("a", out var a) && a == "1", Is.True);
        Assert.That(message.GetTag("b"), Is.EqualTo(""));
        Assert.That(message.GetTag("c"), Is.Null);
        Assert.That(message.HasTag("b") && !message.HasTag("c"), Is.True);
        Assert.That(message.Param(0), Is.EqualTo("#x"));
        Assert.That(message.Param(2), Is.Null);
        Assert.That(message.Param(-1), Is.Null);
        Assert.That(message.LastParam, Is.EqualTo("text here"));
        Assert.That(message.IsCommand("privmsg"), Is.True);
        Assert.That(new IrcMessage("PING").LastParam, Is.Null);
    }

    [Test]
    public void Equality_IsByValue_TagOrderIncluded()
    {
        var one = IrcMessage.Parse("@a=1;b=2 :s CMD x :y z");
        var two = IrcMessage.Parse("@a=1;b=2 :s CMD x :y z");
        var reordered = IrcMessage.Parse("@b=2;a=1 :s CMD x :y z");

        Assert.That(one, Is.EqualTo(two));
        Assert.That(one.GetHashCode(), Is.EqualTo(two.GetHashCode()));
        Assert.That(one, Is.Not.EqualTo(reordered));
        Assert.That(one, Is.Not.EqualTo(one.WithParams("x", "y")));
    }

    [Test]
    public void IrcTag_PrintsItsWireForm()
    {
        Assert.That(new IrcTag("a", "b c").ToString(), Is.EqualTo(@"a=b\sc"));
        Assert.That(new IrcTag("a").ToString(), Is.EqualTo("a"));
        Assert.That(new IrcTag("+a").IsClientOnly && !new IrcTag("a").IsClientOnly, Is.True);
    }

    [Test]
    public void ParseErrors_AllHaveADescription()
    {
        foreach (var error in Enum.GetValues<IrcParseError>())
        {
            Assert.That(error.Describe(), Is.Not.EqualTo("unknown error"), error.ToString());
        }
    }

    [Test]
    public void Parse_AcceptsATrailingLineEnding()
    {
        Assert.That(IrcMessage.Parse("PING a\r\n"), Is.EqualTo(new IrcMessage("PING", "a")));
        Assert.That(IrcMessage.Parse("PING a\n"), Is.EqualTo(new IrcMessage("PING", "a")));
    }

    [TestCase("", IrcParseError.MissingCommand)]
    [TestCase("PING a\r\nPING b", IrcParseError.ContainsLineBreak)]
    [TestCase("@ PING", IrcParseError.MalformedTags)]
    public void TryParse_BadLine_GivesItsError(string text, IrcParseError expected)
    {
        Assert.That(IrcMessage.TryParse(text, out var message, out var error), Is.False);
        Assert.That(message, Is.Null);
        Assert.That(error, Is.EqualTo(expected));
        Assert.That(() => IrcMessage.Parse(text), Throws.TypeOf<FormatException>());
    }

    [Test]
    public void LoneSurrogates_AreRefused()
    {
        const string lone = "\ud800";

        Assert.That(IrcMessage.TryParse("PING " + lone, out _, out var error), Is.False);
        Assert.That(error, Is.EqualTo(IrcParseError.InvalidUtf8));
        Assert.That(() => new IrcMessage("PING", lone), Throws.TypeOf<InvalidIrcMessageException>());
        Assert.That(() => new IrcMessage("PING") { Source = "a" + lone }, Throws.TypeOf<InvalidIrcMessageException>());
        Assert.That(() => new IrcMessage("PING").WithTag("k", lone + "x"), Throws.TypeOf<InvalidIrcMessageException>());
        Assert.That(new IrcMessage("PING", "🙂").ToString(), Is.EqualTo("PING 🙂"));
    }

    [Test]
    public void TryParse_Null_IsNotAMessage()
    {
        Assert.That(IrcMessage.TryParse(null, out _), Is.False);
    }

    [Test]
    public void TryParse_LongLine_HasNoLengthLimit()
    {
        var text = "PRIVMSG #a :" + new string('x', 5000);

        Assert.That(IrcMessage.Parse(text).LastParam, Has.Length.EqualTo(5000));
    }

    [TestCase("PRIV MSG")]
    [TestCase("")]
    [TestCase("12")]
    [TestCase("PRIVMSG2")]
    public void Construct_BadCommand_IsRefused(string command)
    {
        Assert.That(() => new IrcMessage(command), Throws.TypeOf<InvalidIrcMessageException>().With.Message.Contains("command"));
    }

    [TestCase("a b", "c")]
    [TestCase(":a", "c")]
    [TestCase("", "c")]
    [TestCase("a\r", "c")]
    [TestCase("a", "c\n")]
    [TestCase("a", "c\0")]
    public void Construct_BadParams_AreRefused(string first, string last)
    {
        Assert.That(() => new IrcMessage("CMD", first, last), Throws.TypeOf<InvalidIrcMessageException>());
    }

    [Test]
    public void Construct_SixteenParams_AreRefused()
    {
        var parameters = Enumerable.Range(0, 16).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.That(() => new IrcMessage("CMD", parameters), Throws.TypeOf<InvalidIrcMessageException>().With.Message.Contains("15"));
        Assert.That(new IrcMessage("CMD", parameters.Take(15)).Params, Has.Length.EqualTo(15));
    }

    [TestCase("")]
    [TestCase("a b")]
    [TestCase("a\nb")]
    public void Construct_BadSource_IsRefused(string source)
    {
        Assert.That(() => new IrcMessage("PING") { Source = source }, Throws.TypeOf<InvalidIrcMessageException>());
    }

    [Test]
    public void Construct_BadTags_AreRefused()
    {
        Assert.That(() => new IrcMessage("PING").WithTag("bad key"), Throws.TypeOf<InvalidIrcMessageException>());
        Assert.That(() => new IrcMessage("PING").WithTag("k", "nul\0"), Throws.TypeOf<InvalidIrcMessageException>());
        Assert.That(() => new IrcMessage("PING") { Tags = [new("a", "1"), new("a", "2")] }, Throws.TypeOf<InvalidIrcMessageException>().With.Message.Contains("twice"));
        Assert.That(new IrcMessage("PING").WithTag("k", "any; value\\ \r\n").GetTag("k"), Is.EqualTo("any; value\\ \r\n"));
    }

    [Test]
    public void Writer_WritesTheLineWithCrLf_AndCountsItsBytes()
    {
        var message = IrcMessage.Parse("@k=a\\sb :s PRIVMSG #é :hé llo");
        var output = new ArrayBufferWriter<byte>();

        var written = IrcMessageWriter.Write(message, output);

        Assert.That(Encoding.UTF8.GetString(output.WrittenSpan), Is.EqualTo("@k=a\\sb :s PRIVMSG #é :hé llo\r\n"));
        Assert.That(written, Is.EqualTo(output.WrittenCount));
        Assert.That(IrcMessageWriter.GetByteCount(message), Is.EqualTo(written));
        Assert.That(IrcMessageWriter.ToBytes(message), Is.EqualTo(output.WrittenSpan.ToArray()));
    }

    [Test]
    public void Writer_LineOverTheLimits_IsRefusedAndWritesNothing()
    {
        var output = new ArrayBufferWriter<byte>();
        var tooLong = new IrcMessage("PRIVMSG", "#a", new string('x', 600));
        var longTags = new IrcMessage("PING").WithTag("k", new string('v', 8200));

        Assert.That(() => IrcMessageWriter.Write(tooLong, output), Throws.TypeOf<IrcLineTooLongException>());
        Assert.That(() => IrcMessageWriter.Write(longTags, output), Throws.TypeOf<IrcLineTooLongException>());
        Assert.That(output.WrittenCount, Is.Zero);
        Assert.That(IrcMessageWriter.Write(tooLong, output, new IrcLineLimits { MaxRestLength = 1000 }), Is.EqualTo(613));
        Assert.That(tooLong.ToString(), Has.Length.EqualTo(611));
    }
}
