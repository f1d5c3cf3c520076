using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace ApartiumChat.Protocol;

/// <summary>Checks and UTF-8 transcoding shared by the parts.</summary>
public ref partial struct IrcMessageBuilder
{
    /// <summary>Appends <paramref name="text"/> as UTF-8; refuses a lone surrogate.</summary>
    /// <returns>The bytes appended.</returns>
    private int AppendUtf8(scoped ReadOnlySpan<char> text, MessagePart part)
    {
        var status = Utf8.FromUtf16(text, _buffer[_length..], out _, out var written, replaceInvalidSequences: false);
        if (status == OperationStatus.InvalidData)
        {
            throw new InvalidIrcMessageException($"{part} is not valid UTF-16 (it holds a lone surrogate).");
        }

        // Reserve checks the limits (and throws) on what the whole text needs.
        Reserve(status == OperationStatus.Done ? written : Encoding.UTF8.GetByteCount(text));
        _length += written;
        return written;
    }

    /// <summary>Refuses NUL, CR, LF and invalid UTF-8 in a part given as bytes.</summary>
    private static void CheckText(ReadOnlySpan<byte> text, MessagePart part)
    {
        if (text.ContainsAny(Grammar.ForbiddenBytes))
        {
            throw new InvalidIrcMessageException($"{part} contains a CR, LF or NUL.");
        }

        if (!Utf8.IsValid(text))
        {
            throw new InvalidIrcMessageException($"{part} is not valid UTF-8.");
        }
    }
}
