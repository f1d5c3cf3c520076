using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ApartiumChat.Transport.Tests;

/// <summary>
/// What every transport promises engines: bytes arrive complete and in order, FIN is a
/// half-close, RST is seen by both ends, a connect with nobody listening is refused.
/// </summary>
public abstract class ConnectionContract
{
    protected abstract IConnectionListenerFactory Listeners { get; }

    protected abstract IConnectionFactory Connector { get; }

    protected abstract EndPoint AnyAddress { get; }

    /// <summary>Runs the async body to completion on the transport's natural scheduler.</summary>
    protected abstract void Run(Func<Task> body);

    [Test]
    public void Bytes_ArriveCompleteAndInOrder_BothWays()
    {
        Run(async () =>
        {
            await using var listener = await Listeners.BindAsync(AnyAddress);
            var accepting = listener.AcceptAsync().AsTask();
            await using var client = await Connector.ConnectAsync(listener.EndPoint);
            await using var server = (await accepting)!;

            var payload = Enumerable.Range(0, 200_000).Select(i => (byte)(i * 7)).ToArray();
            var sending = WriteAllAsync(client.Transport.Output, payload, complete: true);
            var received = await ReadToEndAsync(server.Transport.Input);
            await sending;
            Assert.That(received, Is.EqualTo(payload));

            await server.Transport.Output.WriteAsync(Encoding.ASCII.GetBytes("pong"));
            await server.Transport.Output.CompleteAsync();
            Assert.That(Encoding.ASCII.GetString(await ReadToEndAsync(client.Transport.Input)), Is.EqualTo("pong"));
        });
    }

    [Test]
    public void Fin_IsAHalfClose_ThePeerCanStillAnswer()
    {
        Run(async () =>
        {
            await using var listener = await Listeners.BindAsync(AnyAddress);
            var accepting = listener.AcceptAsync().AsTask();
            await using var client = await Connector.ConnectAsync(listener.EndPoint);
            await using var server = (await accepting)!;

            await client.Transport.Output.WriteAsync(Encoding.ASCII.GetBytes("question"));
            await client.Transport.Output.CompleteAsync();
            var question = await ReadToEndAsync(server.Transport.Input);
            await server.Transport.Output.WriteAsync(Encoding.ASCII.GetBytes("answer to " + Encoding.ASCII.GetString(question)));
            await server.Transport.Output.CompleteAsync();

            Assert.That(Encoding.ASCII.GetString(await ReadToEndAsync(client.Transport.Input)), Is.EqualTo("answer to question"));
        });
    }

    [Test]
    public void Abort_IsSeenAsAResetByThePeer()
    {
        Run(async () =>
        {
            await using var listener = await Listeners.BindAsync(AnyAddress);
            var accepting = listener.AcceptAsync().AsTask();
            await using var client = await Connector.ConnectAsync(listener.EndPoint);
            await using var server = (await accepting)!;
            await client.Transport.Output.WriteAsync(Encoding.ASCII.GetBytes("hello"));
            var first = await server.Transport.Input.ReadAsync();
            server.Transport.Input.AdvanceTo(first.Buffer.End);

            client.Abort();

            // Awaited, not Assert.That(async ...): that blocks, and with inline scheduling this
            // code may be running on the very loop that must deliver the reset.
            Exception? error = null;
            try
            {
                await ReadToEndAsync(server.Transport.Input);
            }
            catch (ConnectionResetException e)
            {
                error = e;
            }

            Assert.That(error, Is.InstanceOf<ConnectionResetException>());
        });
    }

    [Test]
    public void Connect_WithNobodyListening_IsRefused()
    {
        Run(async () =>
        {
            var listener = await Listeners.BindAsync(AnyAddress);
            var address = listener.EndPoint;
            await listener.UnbindAsync();

            var error = await CatchAsync<SocketException>(async () => await Connector.ConnectAsync(address));
            Assert.That(error?.SocketErrorCode, Is.EqualTo(SocketError.ConnectionRefused));
        });
    }

    [Test]
    public void Bind_ToAnAddressInUse_Fails()
    {
        Run(async () =>
        {
            await using var listener = await Listeners.BindAsync(AnyAddress);

            var error = await CatchAsync<SocketException>(async () => await Listeners.BindAsync(listener.EndPoint));
            Assert.That(error?.SocketErrorCode, Is.EqualTo(SocketError.AddressAlreadyInUse));
        });
    }

    [Test]
    public void Unbind_EndsPendingAccepts()
    {
        Run(async () =>
        {
            var listener = await Listeners.BindAsync(AnyAddress);
            var accepting = listener.AcceptAsync().AsTask();

            await listener.UnbindAsync();

            Assert.That(await accepting, Is.Null);
        });
    }

    private static async Task<T?> CatchAsync<T>(Func<Task> action)
        where T : Exception
    {
        try
        {
            await action();
            return null;
        }
        catch (T e)
        {
            return e;
        }
    }

    private static async Task WriteAllAsync(PipeWriter output, byte[] payload, bool complete)
    {
        for (var offset = 0; offset < payload.Length; offset += 7000)
        {
            await output.WriteAsync(payload.AsMemory(offset, Math.Min(7000, payload.Length - offset)));
        }

        if (complete)
        {
            await output.CompleteAsync();
        }
    }

    private static async Task<byte[]> ReadToEndAsync(PipeReader input)
    {
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
}
