using System.Buffers;
using System.Globalization;
using System.Text;
using ApartiumChat.Protocol;
using ApartiumChat.Server.Messages;

namespace ApartiumChat.Server.Node;

/// <summary>
/// labeled-response: while a labeled command is handled, what it sends back is collected,
/// then sent as one labeled message, a labeled-response batch, or an ACK.
/// </summary>
internal sealed partial class ClientConnection
{
    private const int MaxLabelLength = 64;

    private string? _label;
    private List<ReadOnlyMemory<byte>>? _collected;
    private int _nextBatch;

    /// <summary>A new batch reference, unique on this connection.</summary>
    public string NewBatchId() => "b" + (++_nextBatch).ToString(CultureInfo.InvariantCulture);

    private void BeginResponse(IrcMessage command)
    {
        if (!Capabilities.HasFlag(ClientCapabilities.LabeledResponse)
            || !command.TryGetTag(IrcTagNames.Label, out var label)
            || label.Length is 0 or > MaxLabelLength)
        {
            return;
        }

        _label = label;
        _collected = [];
    }

    private void EndResponse()
    {
        if (_label is not { } label || _collected is not { } lines)
        {
            return;
        }

        _label = null;
        _collected = null;
        var labelTag = new KeyValuePair<string, string>(IrcTagNames.Label, label);
        if (lines.Count == 0)
        {
            Enqueue(Encode(new IrcMessage(IrcCommands.Ack) { Source = _server.Name }.WithTag(IrcTagNames.Label, label)));
        }
        else if (lines.Count == 1)
        {
            Enqueue(WithTag(lines[0].Span, labelTag));
        }
        else if (!Capabilities.HasFlag(ClientCapabilities.Batch))
        {
            lines.ForEach(line => Enqueue(line)); // without batch the label cannot be carried
        }
        else
        {
            var id = NewBatchId();
            Enqueue(Encode(new IrcMessage(IrcCommands.Batch, "+" + id, IrcBatchTypes.LabeledResponse) { Source = _server.Name }.WithTag(IrcTagNames.Label, label)));
            var batchTag = new KeyValuePair<string, string>(IrcTagNames.Batch, id);
            foreach (var line in lines)
            {
                // Lines already in a nested batch carry that batch's tag only; its BATCH lines carry ours.
                Enqueue(HasTag(line.Span, "batch="u8) ? line : WithTag(line.Span, batchTag));
            }

            Enqueue(Encode(new IrcMessage(IrcCommands.Batch, "-" + id) { Source = _server.Name }));
        }
    }

    /// <summary>Adds a line to the response being collected, if a labeled command is being handled.</summary>
    private bool TryCollect(ReadOnlyMemory<byte> line)
    {
        if (_collected is null)
        {
            return false;
        }

        _collected.Add(line);
        return true;
    }

    private static byte[] Encode(IrcMessage message) => IrcMessageWriter.ToBytes(message);

    /// <summary>Puts a tag first on an encoded line: <c>@key=value;rest</c> or <c>@key=value line</c>.</summary>
    private static byte[] WithTag(ReadOnlySpan<byte> line, KeyValuePair<string, string> tag)
    {
        var text = $"{tag.Key}={TagValue.Escape(tag.Value)}";
        var buffer = new ArrayBufferWriter<byte>(line.Length + text.Length + 2);
        buffer.Write("@"u8);
        buffer.Write(Encoding.UTF8.GetBytes(text));
        if (line.Length > 0 && line[0] == (byte)'@')
        {
            buffer.Write(";"u8);
            buffer.Write(line[1..]);
        }
        else
        {
            buffer.Write(" "u8);
            buffer.Write(line);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static bool HasTag(ReadOnlySpan<byte> line, ReadOnlySpan<byte> keyAndEquals)
    {
        if (line.Length == 0 || line[0] != (byte)'@')
        {
            return false;
        }

        var space = line.IndexOf((byte)' ');
        var tags = space < 0 ? line[1..] : line[1..space];
        return tags.StartsWith(keyAndEquals) || tags.IndexOf([(byte)';', .. keyAndEquals]) >= 0;
    }
}
