using System.Buffers;
using System.Text;

namespace ApartiumChat.Protocol.Tests;

public sealed class IrcMessageBuilderTests
{
    private delegate void Build(ref IrcMessageBuilder builder);

    private static string Write(Build build, IrcLineLimits? limits = null)
    {
        var buffer = new byte[IrcLineLimits.DefaultMaxLineLength];
        var builder = limits is null ? new IrcMessageBuilder(buffer) : new IrcMessageBuilder(buffer, limits);
        build(ref builder);
        return Encoding.UTF8.GetString(builder.Complete());
    }

    private static void Refuse<TException>(Build build, string? messagePart = null)
        where TException : Exception
    {
        var constraint = Throws.TypeOf<TException>();
        Assert.That(() => Write(build), messagePart is null ? constraint : constraint.With.Message.Contains(messagePart));
    }

    [Test]
    public void Build_TypicalServerMessage_FromBytes()
    {
        var line = Write((ref b) =>
        {
            b.Tag("msgid"u8, "3q9"u8);
            b.Tag("time"u8, "2026-12-03T10:00:03.000Z"u8);
            b.Tag("apartium.chat/duplicate"u8);
            b.Source("ann!ann@host"u8);
            b.Command("PRIVMSG"u8);
            b.Param("#lobby"u8);
            b.Param("hello world"u8);
        });

        Assert.That(line, Is.EqualTo("@msgid=3q9;time=2026-12-03T10:00:03.000Z;apartium.chat/duplicate :ann!ann@host PRIVMSG #lobby :hello world\r\n"));
    }

    [Test]
    public void Build_FromStrings_EscapesTagValues()
    {
        var line = Write((ref b) =>
        {
            b.Tag("label", "a b;c\\d\r\n");
            b.Tag("+draft/x", "é");
            b.Tag("empty", "");
            b.Source("ann", "~a", "host.example");
            b.Numeric(1);
            b.Param("ann");
            b.Param(42);
            b.Param(":-)");
        });

        Assert.That(line, Is.EqualTo(@"@label=a\sb\:c\\d\r\n;+draft/x=é;empty :ann!~a@host.example 001 ann 42 ::-)" + "\r\n"));
    }

    [Test]
    public void Build_WithoutTagsOrSource_StartsWithTheCommand()
    {
        Assert.That(Write((ref b) => b.Command("PING")), Is.EqualTo("PING\r\n"));
        Assert.That(Write((ref b) => { b.Source("s"); b.Command("PING"); b.Param(""); }), Is.EqualTo(":s PING :\r\n"));
        Assert.That(Write((ref b) => { b.Tag("a"); b.Command("PING"); b.Param(-7); }), Is.EqualTo("@a PING -7\r\n"));
    }

    [Test]
    public void Build_EscapedTag_IsCopiedAsIs()
    {
        Assert.That(Write((ref b) => { b.EscapedTag("+x"u8, @"a\sb"u8); b.Command("TAGMSG"u8); }), Is.EqualTo(@"@+x=a\sb TAGMSG" + "\r\n"));
        Refuse<InvalidIrcMessageException>((ref b) => b.EscapedTag("+x"u8, "a b"u8));
        Refuse<InvalidIrcMessageException>((ref b) => b.EscapedTag("+x"u8, "a;b"u8));
    }

    [Test]
    public void Build_ParamAfterTheTrailingOne_IsRefused()
    {
        Refuse<InvalidIrcMessageException>((ref b) => { b.Command("CMD"); b.Param("a b"); b.Param("c"); }, "only the last");
        Refuse<InvalidIrcMessageException>((ref b) => { b.Command("CMD"); b.Param(""u8); b.Param("c"u8); });
        Refuse<InvalidIrcMessageException>((ref b) => { b.Command("CMD"); b.Param(":x"); b.Param("c"); });
    }

    [Test]
    public void Build_InvalidParts_AreRefused()
    {
        Refuse<InvalidIrcMessageException>((ref b) => { b.Command("CMD"); b.Param("a\r\nQUIT"); }, "CR, LF or NUL");
        Refuse<InvalidIrcMessageException>((ref b) => { b.Command("CMD"); b.Param("a\0"u8); });
        Refuse<InvalidIrcMessageException>((ref b) => { b.Command("CMD"); b.Param([0xC3, 0x28]); }, "UTF-8");
        Refuse<InvalidIrcMessageException>((ref b) => { b.Command("CMD"); b.Param("\ud800"); }, "surrogate");
        Refuse<InvalidIrcMessageException>((ref b) => b.Command("PRIV MSG"), "command");
        Refuse<InvalidIrcMessageException>((ref b) => b.Command(""u8), "command");
        Refuse<InvalidIrcMessageException>((ref b) => b.Source("a b"), "source");
        Refuse<InvalidIrcMessageException>((ref b) => b.Source(""u8), "source");
        Refuse<InvalidIrcMessageException>((ref b) => b.Source("n", "u\n", "h"));
        Refuse<InvalidIrcMessageException>((ref b) => b.Tag("bad key", "v"), "tag key");
        Refuse<InvalidIrcMessageException>((ref b) => b.Tag("k", "v\0"), "NUL");
        Refuse<InvalidIrcMessageException>((ref b) => b.Tag("k"u8, [0xFF]), "UTF-8");
    }

    [Test]
    public void Build_SixteenthParam_IsRefused()
    {
        Refuse<InvalidIrcMessageException>(
            (ref b) =>
            {
                b.Command("CMD");
                for (var i = 0; i < 16; i++)
                {
                    b.Param(i);
                }
            },
            "15");
    }

    [Test]
    public void Build_OutOfOrder_IsRefused()
    {
        Refuse<InvalidOperationException>((ref b) => { b.Command("CMD"); b.Tag("a"); });
        Refuse<InvalidOperationException>((ref b) => { b.Command("CMD"); b.Source("s"); });
        Refuse<InvalidOperationException>((ref b) => b.Param("x"));
        Refuse<InvalidOperationException>((ref b) => { b.Source("s"); b.Source("t"); });
        Refuse<InvalidOperationException>((ref b) => b.Tag("a"), "command");
        Refuse<InvalidOperationException>((ref b) => { b.Command("CMD"); b.Command("CMD"); });
    }

    [Test]
    public void Complete_Twice_IsRefused()
    {
        var builder = new IrcMessageBuilder(new byte[64]);
        builder.Command("PING");
        builder.Complete();

        try
        {
            builder.Complete();
            Assert.Fail("expected an exception");
        }
        catch (InvalidOperationException)
        {
        }
    }

    [Test]
    public void Build_RestOver512_IsTooLong_ButExactly512Fits()
    {
        var text = new string('x', 512 - "PRIVMSG #a :".Length - 2);
        Assert.That(Write((ref b) => { b.Command("PRIVMSG"); b.Param("#a"); b.Param(text); }), Has.Length.EqualTo(511)); // no ':' needed

        var withSpace = "a " + new string('x', 512 - "PRIVMSG #a :".Length - 2 - 2);
        Assert.That(Write((ref b) => { b.Command("PRIVMSG"); b.Param("#a"); b.Param(withSpace); }), Has.Length.EqualTo(512));
        Refuse<IrcLineTooLongException>((ref b) => { b.Command("PRIVMSG"); b.Param("#a"); b.Param(withSpace + "x"); });
        Refuse<IrcLineTooLongException>((ref b) => { b.Command("PRIVMSG"); b.Param("#a"u8); b.Param(Encoding.UTF8.GetBytes(withSpace + "x")); });
    }

    [Test]
    public void Build_TagsOver8191_AreTooLong_ButExactly8191Fit()
    {
        var value = new string('v', 8191 - "@k= ".Length);

        Assert.That(Write((ref b) => { b.Tag("k", value); b.Command("PING"); }), Has.Length.EqualTo(8191 + "PING\r\n".Length));
        Refuse<IrcLineTooLongException>((ref b) => { b.Tag("k", value + "v"); b.Command("PING"); });
        Refuse<IrcLineTooLongException>((ref b) => { b.Tag("k", value[..^1] + " "); b.Command("PING"); }); // escaping makes it longer
    }

    [Test]
    public void Build_CustomLimits_AreHonoured()
    {
        var limits = new IrcLineLimits { MaxTagsLength = 10, MaxRestLength = 8 };

        Assert.That(Write((ref b) => { b.Tag("a", "123456"); b.Command("PING"); b.Param("x"); }, limits), Is.EqualTo("@a=123456 PING x\r\n"));
        Assert.That(() => Write((ref b) => { b.Tag("a", "1234567"); b.Command("PING"); }, limits), Throws.TypeOf<IrcLineTooLongException>());
        Assert.That(() => Write((ref b) => { b.Command("PING"); b.Param("xy"); }, limits), Throws.TypeOf<IrcLineTooLongException>());
    }

    [Test]
    public void Build_OverAHeapBuffer_TakesStackSpans()
    {
        var builder = new IrcMessageBuilder(new byte[64]);
        Span<byte> value = stackalloc byte[3];
        "abc"u8.CopyTo(value);

        builder.Tag("k"u8, value);
        builder.Command("PING"u8);
        builder.Param(value);

        Assert.That(Encoding.UTF8.GetString(builder.Complete()), Is.EqualTo("@k=abc PING abc\r\n"));
    }

    [Test]
    public void Build_BufferTooSmall_SaysSo()
    {
        Assert.That(
            () =>
            {
                var builder = new IrcMessageBuilder(new byte[8]);
                builder.Command("PRIVMSG");
                builder.Param("#a");
            },
            Throws.ArgumentException.With.Message.Contains("too small"));
    }

    [Test]
    public void WriteTo_CopiesTheLine_AndARefusedMessageLeavesNothing()
    {
        var output = new ArrayBufferWriter<byte>();
        Span<byte> scratch = stackalloc byte[IrcLineLimits.DefaultMaxLineLength];

        var builder = new IrcMessageBuilder(scratch);
        builder.Command("PING"u8);
        builder.Param("x"u8);
        Assert.That(builder.WriteTo(output), Is.EqualTo(8));

        var refused = new IrcMessageBuilder(scratch);
        refused.Command("PRIVMSG"u8);
        refused.Param("a b"u8);
        try
        {
            refused.Param("c"u8);
        }
        catch (InvalidIrcMessageException)
        {
        }

        Assert.That(Encoding.UTF8.GetString(output.WrittenSpan), Is.EqualTo("PING x\r\n"));
    }
}
