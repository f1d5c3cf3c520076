using System.Buffers;
using System.Text;

namespace ApartiumChat.Protocol.Tests;

public sealed class IrcLineReaderTests
{
    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static ReadOnlySequence<byte> Sequence(string text) => new(Bytes(text));

    [Test]
    public void ReadLine_CrLfAndBareLf_BothEndALine()
    {
        var lines = Sequences.ReadAll(new IrcLineReader(), Sequence("PING a\r\nPING b\nPING c\r\n"));

        Assert.That(lines, Is.EqualTo(new[] { "PING a", "PING b", "PING c" }));
    }

    [Test]
    public void ReadLine_EmptyLines_AreSkipped()
    {
        var lines = Sequences.ReadAll(new IrcLineReader(), Sequence("\r\n\n\r\nPING a\r\n\r\n\nPING b\n"));

        Assert.That(lines, Is.EqualTo(new[] { "PING a", "PING b" }));
    }

    [Test]
    public void ReadLine_IncompleteLine_NeedsMoreDataAndConsumesNothing()
    {
        var reader = new IrcLineReader();
        var buffer = Sequence("PING a\r\nPRIVMSG #a :hel");

        Assert.That(reader.TryReadLine(ref buffer, out var line), Is.EqualTo(IrcLineStatus.Line));
        Assert.That(Encoding.UTF8.GetString(line), Is.EqualTo("PING a"));
        Assert.That(reader.TryReadLine(ref buffer, out _), Is.EqualTo(IrcLineStatus.NeedMoreData));
        Assert.That(buffer.Length, Is.EqualTo("PRIVMSG #a :hel".Length));
    }

    [Test]
    public void ReadLine_CrAtTheEndOfTheBuffer_WaitsForTheLf()
    {
        var feed = new PipeFeed();

        feed.Write(Bytes("PING a\r"));
        Assert.That(feed.Results, Is.Empty);
        feed.Write(Bytes("\nPING b\r\n"));

        Assert.That(feed.Results, Is.EqualTo(new[] { "PING a", "PING b" }));
    }

    [Test]
    public void ReadLine_EveryCutOfAStream_GivesTheSameLines()
    {
        const string stream = "@a=b\\sc;d :n!u@h PRIVMSG #x :hi there\r\nPING t\n\r\n:s 001 n :Welcome\r\n";
        var bytes = Bytes(stream);
        var expected = Sequences.ReadAll(new IrcLineReader(), new ReadOnlySequence<byte>(bytes));

        for (var i = 0; i <= bytes.Length; i++)
        {
            for (var j = i; j <= bytes.Length; j++)
            {
                var lines = Sequences.ReadAll(new IrcLineReader(), Sequences.Split(bytes, [i, j]));
                Assert.That(lines, Is.EqualTo(expected), $"cut at {i} and {j}");
            }
        }

        Assert.That(expected, Has.Count.EqualTo(3));
    }

    [Test]
    public void ReadLine_OneByteAtATime_GivesTheSameLines()
    {
        var bytes = Bytes("@label=1 PRIVMSG #a :one\r\nPRIVMSG #a two\n" + "@" + new string('k', 5000) + " PING x\r\n");
        var feed = new PipeFeed();

        foreach (var b in bytes)
        {
            feed.Write([b]);
        }

        Assert.That(feed.Results, Is.EqualTo(new[] { "@label=1 PRIVMSG #a one", "PRIVMSG #a two", "@" + new string('k', 5000) + " PING x" }));
    }

    [TestCase("\r\n")]
    [TestCase("\n")]
    public void ReadLine_RestOfExactly512Bytes_IsAccepted_AndOneMoreIsTooLong(string ending)
    {
        var fits = "PRIVMSG #a :" + new string('x', 512 - 12 - ending.Length);
        var over = fits + "x";

        var lines = Sequences.ReadAll(new IrcLineReader(), Sequence(fits + ending + over + ending + "PING a\r\n"));

        Assert.That(lines, Is.EqualTo(new[] { IrcMessage.Parse(fits).ToString(), "!TooLong", "PING a" }));
    }

    [Test]
    public void ReadLine_TagsPartOfExactly8191Bytes_IsAccepted_AndOneMoreIsTooLong()
    {
        var tags = "@k=" + new string('v', 8191 - 4); // with the space after: 8191
        var over = "@k=" + new string('v', 8191 - 3);

        var lines = Sequences.ReadAll(new IrcLineReader(), Sequence($"{tags} PING a\r\n{over} PING b\r\nPING c\r\n"));

        Assert.That(lines, Has.Count.EqualTo(3));
        Assert.That(lines[0], Does.EndWith(" PING a").And.StartWith("@k=vvv"));
        Assert.That(lines.Skip(1), Is.EqualTo(new[] { "!TooLong", "PING c" }));
    }

    [Test]
    public void ReadLine_LongTagsAndLongRest_AreEachWithinTheirOwnLimit()
    {
        var line = "@k=" + new string('v', 8000) + " PRIVMSG #a :" + new string('x', 480);

        var lines = Sequences.ReadAll(new IrcLineReader(), Sequence(line + "\r\n"));

        Assert.That(lines, Is.EqualTo(new[] { line.Replace(":x", "x", StringComparison.Ordinal) }));
    }

    [Test]
    public void ReadLine_OverlongLineWithoutNewline_IsReportedAtOnceAndItsBytesConsumed()
    {
        var reader = new IrcLineReader();
        var buffer = Sequence("PRIVMSG #a :" + new string('x', 600));

        Assert.That(reader.TryReadLine(ref buffer, out _), Is.EqualTo(IrcLineStatus.TooLong));
        Assert.That(buffer.Length, Is.Zero);

        buffer = Sequence(new string('y', 100));
        Assert.That(reader.TryReadLine(ref buffer, out _), Is.EqualTo(IrcLineStatus.NeedMoreData));
        Assert.That(buffer.Length, Is.Zero);

        buffer = Sequence("yyy\r\nPING a\r\n");
        Assert.That(Sequences.ReadAll(reader, buffer), Is.EqualTo(new[] { "PING a" }));
    }

    [Test]
    public void ReadLine_TenMegabytesWithoutNewline_CostBoundedMemory_AndTheNextLineReads()
    {
        var feed = new PipeFeed();
        var chunk = new byte[4096];
        chunk.AsSpan().Fill((byte)'x');

        for (var written = 0; written < 10 * 1024 * 1024; written += chunk.Length)
        {
            feed.Write(chunk);
        }

        feed.Write(Bytes("\r\nPING back\r\n"));

        Assert.That(feed.Results, Is.EqualTo(new[] { "!TooLong", "PING back" }));
        Assert.That(feed.MaxRetained, Is.LessThan(IrcLineLimits.DefaultMaxRestLength));
    }

    [Test]
    public void ReadLine_OverlongLineAndMoreLinesInOneBuffer_DropsOnlyTheLongOne()
    {
        var lines = Sequences.ReadAll(new IrcLineReader(), Sequence(new string('x', 9000) + "\r\nPING a\r\nPING b\r\n"));

        Assert.That(lines, Is.EqualTo(new[] { "!TooLong", "PING a", "PING b" }));
    }

    [Test]
    public void ReadLine_IncompleteRestAfterTags_WaitsUntilItCanNoLongerFit()
    {
        var reader = new IrcLineReader();
        var start = "@k=v PRIVMSG #a :" + new string('x', 511 - "PRIVMSG #a :".Length);

        var buffer = Sequence(start);
        Assert.That(reader.TryReadLine(ref buffer, out _), Is.EqualTo(IrcLineStatus.NeedMoreData));
        buffer = Sequence(start + "\n");
        Assert.That(reader.TryReadLine(ref buffer, out _), Is.EqualTo(IrcLineStatus.Line));

        buffer = Sequence(start + "x");
        Assert.That(reader.TryReadLine(ref buffer, out _), Is.EqualTo(IrcLineStatus.TooLong));
    }

    [Test]
    public void ReadLine_TagsWithoutEnd_AreTooLongOnceOver8191Bytes()
    {
        var reader = new IrcLineReader();
        var buffer = Sequence("@" + new string('k', 8190));
        Assert.That(reader.TryReadLine(ref buffer, out _), Is.EqualTo(IrcLineStatus.NeedMoreData));

        buffer = Sequence("@" + new string('k', 8191));
        Assert.That(reader.TryReadLine(ref buffer, out _), Is.EqualTo(IrcLineStatus.TooLong));
    }

    [Test]
    public void ReadLine_CustomLimits_AreHonoured()
    {
        var reader = new IrcLineReader(new IrcLineLimits { MaxTagsLength = 0, MaxRestLength = 11 });

        var lines = Sequences.ReadAll(reader, Sequence("PING abcd\r\nPING abcde\r\n@a PING\r\nPING\r\n"));

        Assert.That(lines, Is.EqualTo(new[] { "PING abcd", "!TooLong", "!TooLong", "PING" }));
    }

    [Test]
    public void ReadLine_ParseErrors_AreReportedPerLine_AndTheStreamCarriesOn()
    {
        var bytes = new byte[] { 0xFF, (byte)'\n' }.Concat(Bytes("PI\0NG\r\n:\r\n@ PING\r\nPING a\rb\r\nPING ok\r\n")).ToArray();

        var lines = Sequences.ReadAll(new IrcLineReader(), new ReadOnlySequence<byte>(bytes));

        Assert.That(lines, Is.EqualTo(new[] { "!InvalidUtf8", "!ContainsNul", "!MalformedSource", "!MalformedTags", "!ContainsLineBreak", "PING ok" }));
    }

    [Test]
    public void Reset_ForgetsALineBeingDropped()
    {
        var reader = new IrcLineReader();
        var buffer = Sequence(new string('x', 600));
        Assert.That(reader.TryReadLine(ref buffer, out _), Is.EqualTo(IrcLineStatus.TooLong));

        reader.Reset();

        Assert.That(Sequences.ReadAll(reader, Sequence("PING a\r\n")), Is.EqualTo(new[] { "PING a" }));
    }

    [Test]
    public void Limits_Invalid_ReportEveryProblemAtOnce()
    {
        var limits = new IrcLineLimits { MaxTagsLength = -1, MaxRestLength = 2 };

        var error = Assert.Throws<ArgumentException>(() => new IrcLineReader(limits));

        Assert.That(error!.Message, Does.Contain("MaxTagsLength").And.Contain("MaxRestLength"));
        Assert.That(IrcLineLimits.Default.Validate(), Is.Empty);
    }
}
