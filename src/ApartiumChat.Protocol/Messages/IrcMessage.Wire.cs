using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Unicode;

namespace ApartiumChat.Protocol;

/// <summary>From and to the wire form.</summary>
public sealed partial record IrcMessage
{
    /// <summary>Parses one line; a trailing CRLF or LF is allowed. No length limit.</summary>
    /// <exception cref="FormatException">When the line is not a message.</exception>
    public static IrcMessage Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return TryParse(line, out var message, out var error)
            ? message
            : throw new FormatException($"Not an IRC message ({error.Describe()}): {line}");
    }

    /// <summary>Parses one line; a trailing CRLF or LF is allowed. No length limit.</summary>
    public static bool TryParse([NotNullWhen(true)] string? line, [NotNullWhen(true)] out IrcMessage? message)
        => TryParse(line, out message, out _);

    /// <summary>Parses one line; a trailing CRLF or LF is allowed. No length limit.</summary>
    public static bool TryParse([NotNullWhen(true)] string? line, [NotNullWhen(true)] out IrcMessage? message, out IrcParseError error)
    {
        message = null;
        if (line is null)
        {
            error = IrcParseError.MissingCommand;
            return false;
        }

        var maxBytes = Encoding.UTF8.GetMaxByteCount(line.Length);
        byte[]? rented = null;
        var buffer = maxBytes <= 1024 ? stackalloc byte[1024] : (rented = ArrayPool<byte>.Shared.Rent(maxBytes));
        try
        {
            if (Utf8.FromUtf16(line, buffer, out _, out var written, replaceInvalidSequences: false) != OperationStatus.Done)
            {
                error = IrcParseError.InvalidUtf8; // a lone surrogate has no UTF-8 form
                return false;
            }

            return TryParse(buffer[..written], out message, out error);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Parses one UTF-8 line; a trailing CRLF or LF is allowed. No length limit.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8Line, [NotNullWhen(true)] out IrcMessage? message, out IrcParseError error)
    {
        if (utf8Line.EndsWith("\n"u8))
        {
            utf8Line = utf8Line[..^(utf8Line.EndsWith("\r\n"u8) ? 2 : 1)];
        }

        message = IrcLine.TryParse(utf8Line, out var line, out error) ? line.ToMessage() : null;
        return message is not null;
    }

    /// <summary>The wire form, without CRLF (see <see cref="IrcMessageWriter"/> for bytes).</summary>
    public override string ToString()
    {
        var bytes = IrcMessageWriter.ToBytes(this);
        return Encoding.UTF8.GetString(bytes, 0, bytes.Length - 2);
    }
}
