using System.Buffers;
using System.Text;

namespace ApartiumChat.Protocol;

/// <summary>Writes <see cref="IrcMessage"/>s to the wire.</summary>
public static class IrcMessageWriter
{
    /// <summary>
    /// Writes the message and its CRLF to <paramref name="output"/>, all or nothing.
    /// </summary>
    /// <returns>The bytes written.</returns>
    /// <exception cref="IrcLineTooLongException">When the line is over <paramref name="limits"/> (default <see cref="IrcLineLimits.Default"/>).</exception>
    public static int Write(IrcMessage message, IBufferWriter<byte> output, IrcLineLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(output);
        limits ??= IrcLineLimits.Default;
        var length = GetByteCount(message);
        if (length > limits.MaxLineLength)
        {
            throw new IrcLineTooLongException($"The message takes {length} bytes, over the {limits.MaxLineLength} the limits allow.");
        }

        var builder = new IrcMessageBuilder(output.GetSpan(length)[..length], limits);
        Build(ref builder, message);
        var written = builder.Complete().Length;
        output.Advance(written);
        return written;
    }

    /// <summary>The message as UTF-8 bytes, with its CRLF; no length limit.</summary>
    public static byte[] ToBytes(IrcMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var bytes = new byte[GetByteCount(message)];
        var builder = new IrcMessageBuilder(bytes, int.MaxValue, int.MaxValue);
        Build(ref builder, message);
        builder.Complete();
        return bytes;
    }

    /// <summary>How many bytes the message takes on the wire, CRLF included.</summary>
    public static int GetByteCount(IrcMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var count = 2; // CRLF
        if (!message.Tags.IsEmpty)
        {
            count += 1 + message.Tags.Length; // '@', the ';'s and the closing space
            foreach (var (key, value) in message.Tags)
            {
                count += key.Length;
                if (value.Length > 0)
                {
                    count += 1 + Encoding.UTF8.GetByteCount(value) + TagValue.CountSpecials<char>(value);
                }
            }
        }

        if (message.Source is { } source)
        {
            count += 2 + Encoding.UTF8.GetByteCount(source);
        }

        count += message.Command.Length;
        foreach (var parameter in message.Params)
        {
            count += 1 + Encoding.UTF8.GetByteCount(parameter);
        }

        if (message.Params.Length > 0 && !Grammar.IsMiddleParam<char>(message.Params[^1]))
        {
            count++; // the trailing ':'
        }

        return count;
    }

    internal static void Build(ref IrcMessageBuilder builder, IrcMessage message)
    {
        foreach (var (key, value) in message.Tags)
        {
            builder.Tag(key, value);
        }

        if (message.Source is { } source)
        {
            builder.Source(source);
        }

        builder.Command(message.Command);
        foreach (var parameter in message.Params)
        {
            builder.Param(parameter);
        }
    }
}
