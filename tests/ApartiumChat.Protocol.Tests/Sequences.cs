using System.Buffers;

namespace ApartiumChat.Protocol.Tests;

/// <summary>Builds multi-segment <see cref="ReadOnlySequence{T}"/>s, as a pipe hands them out.</summary>
internal static class Sequences
{
    /// <summary>The bytes cut at the given offsets (sorted, duplicates give empty segments).</summary>
    public static ReadOnlySequence<byte> Split(byte[] bytes, IEnumerable<int> cuts)
    {
        var chunks = new List<ReadOnlyMemory<byte>>();
        var start = 0;
        foreach (var cut in cuts.Select(c => Math.Clamp(c, 0, bytes.Length)).Order())
        {
            chunks.Add(bytes.AsMemory(start, cut - start));
            start = cut;
        }

        chunks.Add(bytes.AsMemory(start));
        return FromChunks(chunks);
    }

    public static ReadOnlySequence<byte> FromChunks(IReadOnlyList<ReadOnlyMemory<byte>> chunks)
    {
        if (chunks.Count == 1)
        {
            return new ReadOnlySequence<byte>(chunks[0]);
        }

        var first = new Segment(chunks[0], 0);
        var last = first;
        foreach (var chunk in chunks.Skip(1))
        {
            last = last.Append(chunk);
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    /// <summary>Every line the reader gives for the whole buffer, as strings or "!TooLong"/"!error".</summary>
    public static List<string> ReadAll(IrcLineReader reader, ReadOnlySequence<byte> buffer)
    {
        var results = new List<string>();
        while (reader.TryReadMessage(ref buffer, out var message, out var error))
        {
            results.Add(message?.ToString() ?? "!" + error);
        }

        return results;
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
