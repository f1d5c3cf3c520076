using System.Buffers;
using System.Text;

namespace ApartiumChat.Protocol.Tests;

/// <summary>
/// The hot path allocates per connection, not per message: after a warm-up, framing and
/// parsing a stream of typical lines, and building replies into a reused buffer, allocate
/// nothing on this thread (GC.GetAllocatedBytesForCurrentThread counts every allocation).
/// </summary>
[NonParallelizable]
public sealed class AllocationTests
{
    private const int Lines = 1000;

    private static readonly string[] TypicalLines =
    [
        "@label=m17;apartium.chat/idem=c0-17 PRIVMSG #lobby :hello there, how is it going?",
        "@time=2026-12-03T10:00:02.500Z;msgid=7c0f6k2v9q1m8c4r7t3w5y8z2b :bob!bob@host PRIVMSG #lobby :hi \\o/",
        "PING :s0.apartium",
        "JOIN #lobby",
        "@+draft/react=\\:) TAGMSG #lobby",
        ":s0.apartium 353 ann = #lobby :@ann bob carol",
        "NOTICE ann :a notice with several words in it",
    ];

    [Test]
    public void FramingAndParsing_TypicalLines_AllocateNothingPerMessage()
    {
        var stream = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, Lines).Select(i => TypicalLines[i % TypicalLines.Length] + "\r\n")));
        // Segments of 4 KiB, as a pipe gives them: some lines straddle two and are copied.
        var buffer = Sequences.Split(stream, Enumerable.Range(1, stream.Length / 4096).Select(i => i * 4096));
        var reader = new IrcLineReader();

        for (var i = 0; i < 3; i++)
        {
            Assert.That(ReadAll(reader, buffer), Is.EqualTo(Lines)); // warm-up: JIT, the reader's copy buffer
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var read = 0;
        for (var i = 0; i < 10; i++)
        {
            read += ReadAll(reader, buffer);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.That(read, Is.EqualTo(10 * Lines));
        Assert.That(allocated, Is.Zero, $"{allocated} bytes for {read} messages");
    }

    [Test]
    public void Builder_TypicalReplies_IntoAReusedBuffer_AllocateNothing()
    {
        var output = new ArrayBufferWriter<byte>(64 * 1024);
        var message = IrcMessage.Parse(TypicalLines[1]);
        var time = new DateTimeOffset(2026, 12, 3, 10, 0, 2, 500, TimeSpan.Zero);

        for (var i = 0; i < 3; i++)
        {
            WriteReplies(output, message, time);
        }

        output.ResetWrittenCount();
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Lines; i++)
        {
            WriteReplies(output, message, time);
            output.ResetWrittenCount();
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        WriteReplies(output, message, time);
        Assert.That(Encoding.UTF8.GetString(output.WrittenSpan), Does.StartWith(
            "@msgid=7c0f6k2v9q1m8c4r7t3w5y8z2b;time=2026-12-03T10:00:02.500Z;label=m17 :bob!bob@host PRIVMSG #lobby :hi \\o/\r\n"));
        Assert.That(allocated, Is.Zero, $"{allocated} bytes for {Lines} rounds of replies");
    }

    private static int ReadAll(IrcLineReader reader, ReadOnlySequence<byte> buffer)
    {
        Span<byte> label = stackalloc byte[64];
        var count = 0;
        while (reader.TryReadLine(ref buffer, out var bytes) == IrcLineStatus.Line)
        {
            if (!IrcLine.TryParse(bytes, out var line, out _))
            {
                return -1;
            }

            line.TryGetTag("label"u8, label, out _);
            line.TryGetTag("msgid"u8, out _);
            if (line.IsCommand("PRIVMSG"u8) && (line.ParamCount != 2 || line.Param(1).IsEmpty))
            {
                return -1;
            }

            foreach (var tag in line.Tags)
            {
                _ = tag.IsClientOnly;
            }

            count++;
        }

        return count;
    }

    private static void WriteReplies(ArrayBufferWriter<byte> output, IrcMessage message, DateTimeOffset time)
    {
        Span<byte> scratch = stackalloc byte[IrcLineLimits.DefaultMaxLineLength];
        Span<byte> timeText = stackalloc byte[ServerTime.Length];
        ServerTime.TryFormat(time, timeText, out _);

        var echo = new IrcMessageBuilder(scratch);
        echo.Tag("msgid"u8, "7c0f6k2v9q1m8c4r7t3w5y8z2b"u8);
        echo.Tag("time"u8, timeText);
        echo.Tag("label"u8, "m17"u8);
        echo.Source("bob!bob@host"u8);
        echo.Command("PRIVMSG"u8);
        echo.Param("#lobby"u8);
        echo.Param(@"hi \o/"u8);
        echo.WriteTo(output);

        var numeric = new IrcMessageBuilder(scratch);
        numeric.Source("s0.apartium"u8);
        numeric.Numeric(251);
        numeric.Param("ann"u8);
        numeric.Param(42);
        numeric.Param("There are 42 users");
        numeric.WriteTo(output);

        IrcMessageWriter.Write(message, output);
    }
}
