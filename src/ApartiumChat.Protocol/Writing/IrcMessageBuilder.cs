using System.Buffers;

namespace ApartiumChat.Protocol;

/// <summary>
/// Writes one message into a caller's buffer, part by part, without allocating: tags
/// (values escaped here), then the source, the command and the parameters, in that order.
/// A parameter is written after ':' only when it must be (it is empty, holds a space or
/// starts with ':'), and such a parameter must be the last. Invalid parts are refused with
/// an <see cref="InvalidIrcMessageException"/>; a line over the limits with an
/// <see cref="IrcLineTooLongException"/>. Nothing reaches the output before
/// <see cref="WriteTo"/>, so a refused message leaves no half line behind; after a throw,
/// discard the builder.
/// <code>
///   Span&lt;byte&gt; scratch = stackalloc byte[IrcLineLimits.DefaultMaxLineLength]; // or a per-connection array
///   var b = new IrcMessageBuilder(scratch);
///   b.Tag("msgid"u8, id); b.Source(prefix); b.Command("PRIVMSG"u8); b.Param(target); b.Param(text);
///   b.WriteTo(pipeWriter);   // appends CRLF and copies the line
/// </code>
/// </summary>
public ref partial struct IrcMessageBuilder
{
    private readonly Span<byte> _buffer;
    private readonly int _maxTagsLength;
    private readonly int _maxRestLength;
    private int _length;
    private int _restStart;
    private Stage _stage;
    private int _paramCount;
    private bool _trailingWritten;

    /// <summary>A builder over <paramref name="buffer"/> with the default limits.</summary>
    public IrcMessageBuilder(Span<byte> buffer)
        : this(buffer, IrcLineLimits.DefaultMaxTagsLength, IrcLineLimits.DefaultMaxRestLength)
    {
    }

    /// <summary>A builder over <paramref name="buffer"/> that refuses lines over <paramref name="limits"/>.</summary>
    public IrcMessageBuilder(Span<byte> buffer, IrcLineLimits limits)
        : this(buffer, limits?.MaxTagsLength ?? throw new ArgumentNullException(nameof(limits)), limits.MaxRestLength)
    {
    }

    internal IrcMessageBuilder(Span<byte> buffer, int maxTagsLength, int maxRestLength)
    {
        _buffer = buffer;
        _maxTagsLength = maxTagsLength;
        _maxRestLength = maxRestLength;
    }

    private enum Stage
    {
        Empty,
        Tags,
        Source,
        Command,
        Complete,
    }

    /// <summary>How many bytes are written so far.</summary>
    public readonly int Length => _length;

    /// <summary>
    /// Ends the line with CRLF and returns it. The span lies in the builder's buffer.
    /// </summary>
    public ReadOnlySpan<byte> Complete()
    {
        if (_stage != Stage.Command)
        {
            throw new InvalidOperationException(_stage == Stage.Complete
                ? "The message is already complete."
                : "A message needs a command before it is complete.");
        }

        // Every part of the rest was reserved with room for the CRLF under the limit.
        EnsureBuffer(_length + 2);
        _buffer[_length++] = (byte)'\r';
        _buffer[_length++] = (byte)'\n';
        _stage = Stage.Complete;
        return _buffer[.._length];
    }

    /// <summary>Ends the line with CRLF and copies it to <paramref name="output"/>.</summary>
    /// <returns>The bytes written.</returns>
    public int WriteTo(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var line = Complete();
        output.Write(line);
        return line.Length;
    }

    /// <summary>
    /// Room for <paramref name="count"/> more bytes, checked against the limits and the
    /// buffer; the caller writes there, then adds to <see cref="_length"/>.
    /// </summary>
    private readonly Span<byte> Reserve(int count)
    {
        var newLength = _length + count;
        if (_stage is Stage.Empty or Stage.Tags)
        {
            // The space that will close the tags part counts in it.
            if (newLength + 1 > _maxTagsLength)
            {
                throw new IrcLineTooLongException($"The tags part would be over {_maxTagsLength} bytes (its '@' and the space after included).");
            }
        }
        else if (newLength - _restStart + 2 > _maxRestLength)
        {
            throw new IrcLineTooLongException($"The line after its tags would be over {_maxRestLength} bytes (CRLF included).");
        }

        EnsureBuffer(newLength);
        return _buffer.Slice(_length, count);
    }

    private readonly void EnsureBuffer(int length)
    {
        if (length > _buffer.Length)
        {
            throw new ArgumentException(
                $"The builder's buffer ({_buffer.Length} bytes) is too small for this line; size it by IrcLineLimits.MaxLineLength.");
        }
    }

    private void Append(byte value)
    {
        Reserve(1)[0] = value;
        _length++;
    }

    private void Append(scoped ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(Reserve(bytes.Length));
        _length += bytes.Length;
    }

    /// <summary>Moves past the tags part (closing it with a space) on the first part after it.</summary>
    private void LeaveTags()
    {
        if (_stage == Stage.Tags)
        {
            EnsureBuffer(_length + 1); // the limit kept room for it
            _buffer[_length++] = (byte)' ';
        }

        _restStart = _length;
    }

    private readonly void Expect(Stage latestAllowed, string part)
    {
        if (_stage > latestAllowed)
        {
            throw new InvalidOperationException(_stage == Stage.Complete
                ? $"Cannot add {part}: the message is already complete."
                : $"Cannot add {part} now: write tags, then the source, then the command, then the parameters.");
        }
    }
}
