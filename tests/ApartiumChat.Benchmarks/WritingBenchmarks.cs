using System.Buffers;
using ApartiumChat.Protocol;
using BenchmarkDotNet.Attributes;

namespace ApartiumChat.Benchmarks;

/// <summary>Writing the typical PRIVMSG: the hot-path builder, and an <see cref="IrcMessage"/>.</summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class WritingBenchmarks
{
    private readonly ArrayBufferWriter<byte> _output = new(16 * 1024);
    private readonly byte[] _scratch = new byte[IrcLineLimits.DefaultMaxLineLength];
    private readonly DateTimeOffset _time = new(2026, 12, 3, 10, 0, 2, 500, TimeSpan.Zero);
    private readonly IrcMessage _message = IrcMessage.Parse(TypicalLines.Privmsg);

    /// <summary>Tags (time formatted here), source, command, params, into a reused buffer.</summary>
    [Benchmark]
    public int BuildPrivmsg()
    {
        _output.ResetWrittenCount();
        Span<byte> time = stackalloc byte[ServerTime.Length];
        ServerTime.TryFormat(_time, time, out _);

        var builder = new IrcMessageBuilder(_scratch);
        builder.Tag("time"u8, time);
        builder.Tag("msgid"u8, "7c0f6k2v9q1m8c4r7t3w5y8z2b"u8);
        builder.Tag("label"u8, "m17"u8);
        builder.Source("bob!bob@host.example"u8);
        builder.Command("PRIVMSG"u8);
        builder.Param("#lobby"u8);
        builder.Param("hello there, how is everyone doing today?"u8);
        return builder.WriteTo(_output);
    }

    /// <summary>An <see cref="IrcMessage"/> (strings) into a reused buffer.</summary>
    [Benchmark]
    public int WriteIrcMessage()
    {
        _output.ResetWrittenCount();
        return IrcMessageWriter.Write(_message, _output);
    }

    [Benchmark]
    public string IrcMessageToString() => _message.ToString();
}
