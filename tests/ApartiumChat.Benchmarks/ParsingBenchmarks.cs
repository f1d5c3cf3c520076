using System.Buffers;
using System.Text;
using ApartiumChat.Protocol;
using BenchmarkDotNet.Attributes;

namespace ApartiumChat.Benchmarks;

/// <summary>Reading: framing + zero-copy parsing, and parsing to an <see cref="IrcMessage"/>.</summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class ParsingBenchmarks
{
    private const int LinesPerRead = 100;

    private readonly IrcLineReader _reader = new();
    private ReadOnlySequence<byte> _stream;
    private byte[] _line = [];

    [GlobalSetup]
    public void Setup()
    {
        _line = Encoding.UTF8.GetBytes(TypicalLines.Privmsg);
        _stream = new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(TypicalLines.Privmsg + "\r\n", LinesPerRead))));
    }

    /// <summary>One read of 100 lines: frame, parse, look up two tags (unescaping one), read the params. Per message.</summary>
    [Benchmark(OperationsPerInvoke = LinesPerRead)]
    public int FrameAndParsePrivmsg()
    {
        Span<byte> label = stackalloc byte[64];
        var buffer = _stream;
        var total = 0;
        while (_reader.TryReadLine(ref buffer, out var bytes) == IrcLineStatus.Line)
        {
            if (IrcLine.TryParse(bytes, out var line, out _) && line.IsCommand("PRIVMSG"u8))
            {
                line.TryGetTag("label"u8, label, out var labelLength);
                line.TryGetTag("msgid"u8, out var msgid);
                total += labelLength + msgid.Length + line.Param(0).Length + line.Param(1).Length;
            }
        }

        return total;
    }

    /// <summary>One line to an immutable message with strings.</summary>
    [Benchmark]
    public IrcMessage? ParseToIrcMessage()
    {
        IrcMessage.TryParse(_line, out var message, out _);
        return message;
    }
}
