using System.Buffers;
using System.Text;
using ApartiumChat.Transport;

namespace ApartiumChat.Faults.Tests.Support;

internal static class ConnectionExtensions
{
    public static async Task SendAsync(this IConnection connection, byte[] bytes)
    {
        var result = await connection.Transport.Output.WriteAsync(bytes);
        if (result.IsCompleted)
        {
            throw new InvalidOperationException("the peer no longer reads");
        }
    }

    public static Task SendAsync(this IConnection connection, string text) => connection.SendAsync(Encoding.ASCII.GetBytes(text));

    public static async Task FinishAsync(this IConnection connection) => await connection.Transport.Output.CompleteAsync();

    /// <summary>Reads exactly <paramref name="count"/> bytes; fails if the stream ends first.</summary>
    public static async Task<byte[]> ReceiveAsync(this IConnection connection, int count)
    {
        var input = connection.Transport.Input;
        while (true)
        {
            var result = await input.ReadAsync();
            if (result.Buffer.Length >= count)
            {
                var bytes = result.Buffer.Slice(0, count).ToArray();
                input.AdvanceTo(result.Buffer.GetPosition(count));
                return bytes;
            }

            if (result.IsCompleted)
            {
                input.AdvanceTo(result.Buffer.End);
                throw new EndOfStreamException($"the stream ended after {result.Buffer.Length} of {count} bytes");
            }

            input.AdvanceTo(result.Buffer.Start, result.Buffer.End);
        }
    }

    public static async Task<string> ReceiveTextAsync(this IConnection connection, int count) =>
        Encoding.ASCII.GetString(await connection.ReceiveAsync(count));

    /// <summary>Reads until the peer's FIN; throws <see cref="ConnectionResetException"/> on a reset.</summary>
    public static async Task<byte[]> ReadToEndAsync(this IConnection connection)
    {
        var input = connection.Transport.Input;
        var received = new ArrayBufferWriter<byte>();
        while (true)
        {
            var result = await input.ReadAsync();
            foreach (var segment in result.Buffer)
            {
                received.Write(segment.Span);
            }

            input.AdvanceTo(result.Buffer.End);
            if (result.IsCompleted)
            {
                return received.WrittenSpan.ToArray();
            }
        }
    }

    /// <summary>Each read as it came (size and virtual time), until the stream ends.</summary>
    public static async Task<List<(int Size, TimeSpan At)>> ReadChunksAsync(this IConnection connection, SimulatedProxy sim, int total)
    {
        var input = connection.Transport.Input;
        var chunks = new List<(int, TimeSpan)>();
        var seen = 0;
        while (seen < total)
        {
            var result = await input.ReadAsync();
            var size = (int)result.Buffer.Length;
            if (size > 0)
            {
                chunks.Add((size, sim.Now));
                seen += size;
            }

            input.AdvanceTo(result.Buffer.End);
            if (result.IsCompleted)
            {
                break;
            }
        }

        return chunks;
    }

    /// <summary>How the stream ended: "fin" or "reset", with the bytes received before.</summary>
    public static async Task<(string End, byte[] Bytes)> ReadUntilEndAsync(this IConnection connection)
    {
        var received = new ArrayBufferWriter<byte>();
        var input = connection.Transport.Input;
        try
        {
            while (true)
            {
                var result = await input.ReadAsync();
                foreach (var segment in result.Buffer)
                {
                    received.Write(segment.Span);
                }

                input.AdvanceTo(result.Buffer.End);
                if (result.IsCompleted)
                {
                    return ("fin", received.WrittenSpan.ToArray());
                }
            }
        }
        catch (ConnectionResetException)
        {
            return ("reset", received.WrittenSpan.ToArray());
        }
    }

    public static byte[] Pattern(int length, int seed = 0) =>
        [.. Enumerable.Range(0, length).Select(i => (byte)((i * 31) + seed))];
}
