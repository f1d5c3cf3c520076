using System.Buffers;

namespace ApartiumChat.Protocol;

/// <summary>
/// Cuts a connection's bytes into lines (one reader per connection: it keeps state between
/// reads). Lines end with CRLF or a bare LF; empty lines are skipped. The loop, as in
/// Kestrel and Bedrock:
/// <code>
///   var result = await pipe.ReadAsync(ct);
///   var buffer = result.Buffer;
///   while (true)
///   {
///       var status = lines.TryReadLine(ref buffer, out var line);
///       if (status == IrcLineStatus.NeedMoreData) break;
///       if (status == IrcLineStatus.TooLong) { /* 417 */ continue; }
///       if (IrcLine.TryParse(line, out var message, out var error)) { ... } else { ... }
///   }
///   pipe.AdvanceTo(buffer.Start, buffer.End);   // consumed, examined
/// </code>
/// A line over the limits is reported as soon as it is known to be too long and its bytes
/// are consumed as they arrive until the next LF, so a peer that never sends a newline
/// costs no more than one read's worth of memory. A line's bytes are used in place when
/// they lie in one segment, else copied to a buffer of <see cref="IrcLineLimits.MaxLineLength"/>
/// bytes that this reader allocates once.
/// </summary>
public sealed class IrcLineReader
{
    private readonly int _maxTagsLength;
    private readonly int _maxRestLength;
    private readonly int _maxLineLength;
    private byte[]? _scratch;
    private bool _discarding;

    // What earlier calls learned about the incomplete line at the start of the buffer, so a
    // line that trickles in is not scanned again from its start on every read.
    private long _scannedWithoutLf;
    private long _tagsLength;

    public IrcLineReader()
        : this(IrcLineLimits.Default)
    {
    }

    public IrcLineReader(IrcLineLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        limits.ThrowIfInvalid();
        Limits = limits;
        _maxTagsLength = limits.MaxTagsLength;
        _maxRestLength = limits.MaxRestLength;
        _maxLineLength = limits.MaxLineLength;
    }

    public IrcLineLimits Limits { get; }

    /// <summary>
    /// Reads the next line from <paramref name="buffer"/> and slices what it consumed off
    /// its start. <paramref name="line"/> (on <see cref="IrcLineStatus.Line"/>) is valid until
    /// the next call or until the pipe's <c>AdvanceTo</c>. Never throws on input.
    /// </summary>
    public IrcLineStatus TryReadLine(ref ReadOnlySequence<byte> buffer, out ReadOnlySpan<byte> line)
    {
        line = default;
        if (_scannedWithoutLf > buffer.Length)
        {
            ForgetScan(); // not the buffer we scanned: start over
        }

        while (true)
        {
            if (_discarding && !SkipDiscardedLine(ref buffer))
            {
                return IrcLineStatus.NeedMoreData;
            }

            var length = buffer.Length;
            if (length == 0)
            {
                return IrcLineStatus.NeedMoreData;
            }

            var window = Math.Min(length, _maxLineLength);
            var lf = IndexOfLf(buffer, _scannedWithoutLf, window);
            if (lf < 0)
            {
                _scannedWithoutLf = window;
                if (length >= _maxLineLength || IsIncompleteLineTooLong(buffer, length))
                {
                    ForgetScan();
                    _discarding = true;
                    SkipDiscardedLine(ref buffer); // to its LF if it is here, else all of it
                    return IrcLineStatus.TooLong;
                }

                return IrcLineStatus.NeedMoreData;
            }

            ForgetScan();
            var content = Contiguous(buffer, lf);
            buffer = buffer.Slice(buffer.GetPosition(lf + 1));
            if (IsTooLong(content))
            {
                return IrcLineStatus.TooLong;
            }

            if (!content.IsEmpty && content[^1] == '\r')
            {
                content = content[..^1];
            }

            if (!content.IsEmpty)
            {
                line = content;
                return IrcLineStatus.Line;
            }
        }
    }

    /// <summary>
    /// Reads the next line as an <see cref="IrcMessage"/> (for clients and tests: it allocates).
    /// </summary>
    /// <returns>False when more data is needed; true when a line was consumed, with either
    /// a <paramref name="message"/> or an <paramref name="error"/> (<see cref="IrcParseError.TooLong"/> included).</returns>
    public bool TryReadMessage(ref ReadOnlySequence<byte> buffer, out IrcMessage? message, out IrcParseError error)
    {
        message = null;
        switch (TryReadLine(ref buffer, out var line))
        {
            case IrcLineStatus.NeedMoreData:
                error = IrcParseError.None;
                return false;
            case IrcLineStatus.TooLong:
                error = IrcParseError.TooLong;
                return true;
            default:
                message = IrcLine.TryParse(line, out var parsed, out error) ? parsed.ToMessage() : null;
                return true;
        }
    }

    /// <summary>Forgets any partial line, for a buffer that does not continue the last one.</summary>
    public void Reset()
    {
        ForgetScan();
        _discarding = false;
    }

    private void ForgetScan()
    {
        _scannedWithoutLf = 0;
        _tagsLength = 0;
    }

    /// <summary>Consumes the rest of a dropped line; true once its LF is passed.</summary>
    private bool SkipDiscardedLine(ref ReadOnlySequence<byte> buffer)
    {
        var lf = buffer.PositionOf((byte)'\n');
        if (lf is null)
        {
            buffer = buffer.Slice(buffer.End);
            return false;
        }

        buffer = buffer.Slice(buffer.GetPosition(1, lf.Value));
        _discarding = false;
        return true;
    }

    /// <summary>The line before the LF at <paramref name="lf"/>, in place or copied to the scratch buffer.</summary>
    private ReadOnlySpan<byte> Contiguous(in ReadOnlySequence<byte> buffer, long lf)
    {
        var first = buffer.FirstSpan;
        if (lf <= first.Length)
        {
            return first[..(int)lf];
        }

        _scratch ??= new byte[_maxLineLength];
        var content = _scratch.AsSpan(0, (int)lf);
        buffer.Slice(0, lf).CopyTo(content);
        return content;
    }

    private bool IsTooLong(ReadOnlySpan<byte> content)
    {
        // Lengths count the line ending as sent (the LF, and the CR before it if any).
        var tagsLength = 0;
        if (!content.IsEmpty && content[0] == '@')
        {
            var space = content.IndexOf((byte)' ');
            tagsLength = space < 0 ? content.Length : space + 1;
        }

        return tagsLength > _maxTagsLength || content.Length + 1 - tagsLength > _maxRestLength;
    }

    /// <summary>
    /// True when the line so far (no LF yet) can only end over the limits, whatever comes next.
    /// </summary>
    private bool IsIncompleteLineTooLong(in ReadOnlySequence<byte> buffer, long length)
    {
        if (FirstByte(buffer) != '@')
        {
            return length >= _maxRestLength; // the LF still to come makes it longer
        }

        if (_tagsLength == 0)
        {
            var searched = Math.Min(length, _maxTagsLength);
            var space = IndexOf(buffer, (byte)' ', 0, searched);
            if (space < 0)
            {
                // A space or LF at `length` would make the tags part length + 1 long.
                return length > _maxTagsLength;
            }

            _tagsLength = space + 1;
        }

        return length - _tagsLength >= _maxRestLength;
    }

    private static byte FirstByte(in ReadOnlySequence<byte> buffer)
    {
        foreach (var segment in buffer)
        {
            if (!segment.IsEmpty)
            {
                return segment.Span[0];
            }
        }

        return 0;
    }

    private static long IndexOfLf(in ReadOnlySequence<byte> buffer, long from, long to) => IndexOf(buffer, (byte)'\n', from, to);

    private static long IndexOf(in ReadOnlySequence<byte> buffer, byte value, long from, long to)
    {
        if (from >= to)
        {
            return -1;
        }

        if (buffer.IsSingleSegment)
        {
            var at = buffer.FirstSpan[(int)from..(int)to].IndexOf(value);
            return at < 0 ? -1 : from + at;
        }

        var part = buffer.Slice(from, to - from);
        var position = part.PositionOf(value);
        return position is null ? -1 : from + part.Slice(0, position.Value).Length;
    }
}
