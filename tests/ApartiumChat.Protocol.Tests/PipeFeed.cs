using System.Buffers;
using System.IO.Pipelines;

namespace ApartiumChat.Protocol.Tests;

/// <summary>
/// Drives an <see cref="IrcLineReader"/> over a real <see cref="Pipe"/>, synchronously, the
/// way a connection loop does: write a chunk, read, take every line, AdvanceTo.
/// </summary>
internal sealed class PipeFeed
{
    private readonly Pipe _pipe = new(new PipeOptions(
        pauseWriterThreshold: 0, readerScheduler: PipeScheduler.Inline, writerScheduler: PipeScheduler.Inline, useSynchronizationContext: false));

    private readonly IrcLineReader _reader;

    public PipeFeed(IrcLineReader? reader = null) => _reader = reader ?? new IrcLineReader();

    /// <summary>What came out so far: each message's wire form, or "!TooLong", "!InvalidUtf8"...</summary>
    public List<string> Results { get; } = [];

    /// <summary>The most bytes the pipe ever held unconsumed after a read loop.</summary>
    public long MaxRetained { get; private set; }

    public void Write(ReadOnlySpan<byte> chunk)
    {
        if (chunk.IsEmpty)
        {
            return; // a pipe does not wake its reader for nothing
        }

        _pipe.Writer.Write(chunk);
        var flush = _pipe.Writer.FlushAsync();
        Assert.That(flush.IsCompleted, Is.True, "the pipe should never make the writer wait");

        Assert.That(_pipe.Reader.TryRead(out var result), Is.True);
        var buffer = result.Buffer;
        while (_reader.TryReadMessage(ref buffer, out var message, out var error))
        {
            Results.Add(message?.ToString() ?? "!" + error);
        }

        MaxRetained = Math.Max(MaxRetained, buffer.Length);
        _pipe.Reader.AdvanceTo(buffer.Start, buffer.End);
    }
}
