using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Text;
using ApartiumChat.Transport.Tcp;

namespace ApartiumChat.Transport.Tests.Tcp;

/// <summary>
/// The TCP connection's pipe ends read and write the socket directly (no pipe in between);
/// these pin down the pipe semantics engines rely on: unexamined data comes back at once,
/// examined data waits for more, cancellations leave nothing lost, a flush waits for a peer
/// that does not read and can be cancelled.
/// </summary>
[Category("Tcp")]
public sealed class SocketPipeTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30); // real sockets: generous

    private static void Run(Func<Task> body) => Assert.That(body().Wait(Bound), Is.True, "timed out");

    [Test]
    public void UnexaminedData_IsReturnedAgain_WithoutWaiting()
    {
        Run(async () =>
        {
            await using var pair = await Pair.OpenAsync();
            await pair.Client.Transport.Output.WriteAsync(Ascii("line one\r\n"));
            var input = pair.Server.Transport.Input;
            var first = await input.ReadAsync();
            input.AdvanceTo(first.Buffer.Start, first.Buffer.Start); // looked at nothing (a throttled reader)

            var again = input.ReadAsync();
            Assert.That(again.IsCompleted, Is.True, "unexamined data must not wait for the socket");
            Assert.That(Text((await again).Buffer), Is.EqualTo("line one\r\n"));
        });
    }

    [Test]
    public void ExaminedData_WaitsForMore_AndKeepsWhatWasNotConsumed()
    {
        Run(async () =>
        {
            await using var pair = await Pair.OpenAsync();
            await pair.Client.Transport.Output.WriteAsync(Ascii("PING a\r\nPING b"));
            var input = pair.Server.Transport.Input;
            var first = await ReadAtLeastAsync(input, 14);
            input.AdvanceTo(first.Buffer.GetPosition(8), first.Buffer.End); // consumed the first line, looked at the rest

            var next = input.ReadAsync();
            Assert.That(next.IsCompleted, Is.False, "everything was examined: the read waits for new bytes");
            await pair.Client.Transport.Output.WriteAsync(Ascii("\r\n"));
            var result = await next;
            if (result.Buffer.Length < 8)
            {
                input.AdvanceTo(result.Buffer.Start, result.Buffer.End);
                result = await ReadAtLeastAsync(input, 8);
            }

            Assert.That(Text(result.Buffer), Is.EqualTo("PING b\r\n"), "the unconsumed part, then the new bytes");
        });
    }

    [Test]
    public void CancelPendingRead_EndsAWaitingRead_AndLaterBytesStillArrive()
    {
        Run(async () =>
        {
            await using var pair = await Pair.OpenAsync();
            var input = pair.Server.Transport.Input;
            var waiting = input.ReadAsync();
            Assert.That(waiting.IsCompleted, Is.False);

            input.CancelPendingRead();
            var cancelled = await waiting;
            Assert.That(cancelled.IsCanceled, Is.True);
            input.AdvanceTo(cancelled.Buffer.End);

            await pair.Client.Transport.Output.WriteAsync(Ascii("after"));
            var result = await ReadAtLeastAsync(input, 5);
            Assert.That(Text(result.Buffer), Is.EqualTo("after"));
        });
    }

    [Test]
    public void CancelPendingRead_WithNoReadPending_CancelsTheNextRead()
    {
        Run(async () =>
        {
            await using var pair = await Pair.OpenAsync();
            var input = pair.Server.Transport.Input;
            input.CancelPendingRead();
            var result = await input.ReadAsync();
            Assert.That(result.IsCanceled, Is.True);
            input.AdvanceTo(result.Buffer.End);

            var next = input.ReadAsync().AsTask();
            Assert.That(next.IsCompleted, Is.False, "only one read is cancelled");
            input.CancelPendingRead();
            Assert.That((await next).IsCanceled, Is.True);
        });
    }

    [Test]
    public void ReadAsync_ItsTokenCancelled_Throws_AndTheNextReadGetsTheBytes()
    {
        Run(async () =>
        {
            await using var pair = await Pair.OpenAsync();
            var input = pair.Server.Transport.Input;
            using var cancel = new CancellationTokenSource();
            var waiting = input.ReadAsync(cancel.Token).AsTask();
            await cancel.CancelAsync();
            Assert.That(async () => await waiting, Throws.InstanceOf<OperationCanceledException>());

            await pair.Client.Transport.Output.WriteAsync(Ascii("still here"));
            Assert.That(Text((await ReadAtLeastAsync(input, 10)).Buffer), Is.EqualTo("still here"));
        });
    }

    [Test]
    public void Flush_ToAPeerThatDoesNotRead_WaitsUntilItReads_AndEveryByteArrives()
    {
        Run(async () =>
        {
            await using var pair = await Pair.OpenAsync();
            var payload = Payload(16 * 1024 * 1024); // more than both kernels' buffers hold
            var output = pair.Client.Transport.Output;
            output.Write(payload);
            var flushing = output.FlushAsync();
            Assert.That(flushing.IsCompleted, Is.False, "the kernel cannot take it all: the flush waits");

            var reading = ReadExactlyAsync(pair.Server.Transport.Input, payload.Length);
            var flushed = await flushing;
            Assert.That(flushed.IsCanceled || flushed.IsCompleted, Is.False);
            Assert.That(await reading, Is.EqualTo(payload));
        });
    }

    [Test]
    public void CancelPendingFlush_EndsAFlushHeldUpByThePeer_AndTheRestGoesWithTheNextFlush()
    {
        Run(async () =>
        {
            await using var pair = await Pair.OpenAsync();
            var payload = Payload(16 * 1024 * 1024);
            var output = pair.Client.Transport.Output;
            output.Write(payload);
            var flushing = output.FlushAsync();
            Assert.That(flushing.IsCompleted, Is.False);

            output.CancelPendingFlush();
            Assert.That((await flushing).IsCanceled, Is.True);

            var reading = ReadExactlyAsync(pair.Server.Transport.Input, payload.Length);
            Assert.That((await output.FlushAsync()).IsCanceled, Is.False);
            Assert.That(await reading, Is.EqualTo(payload), "nothing lost or repeated across the cancelled flush");
        });
    }

    [Test]
    public void CancelPendingFlush_WithNoFlushPending_CancelsTheNextFlushOnly_AndNothingIsLost()
    {
        Run(async () =>
        {
            await using var pair = await Pair.OpenAsync();
            var output = pair.Client.Transport.Output;
            output.Write(Ascii("PING :kept\r\n"));
            output.CancelPendingFlush();
            Assert.That((await output.FlushAsync()).IsCanceled, Is.True);
            Assert.That((await output.FlushAsync()).IsCanceled, Is.False);

            Assert.That(Text((await ReadAtLeastAsync(pair.Server.Transport.Input, 12)).Buffer), Is.EqualTo("PING :kept\r\n"));
        });
    }

    [Test]
    public void Dispose_SendsWhatWasWrittenButNotFlushed_ThenFin()
    {
        Run(async () =>
        {
            await using var pair = await Pair.OpenAsync();
            var output = pair.Client.Transport.Output;
            output.Write(Ascii("QUIT :bye\r\n"));
            await pair.Client.DisposeAsync();

            var input = pair.Server.Transport.Input;
            var result = await ReadAtLeastAsync(input, 11);
            while (!result.IsCompleted)
            {
                input.AdvanceTo(result.Buffer.Start, result.Buffer.End);
                result = await input.ReadAsync();
            }

            Assert.That(Text(result.Buffer), Is.EqualTo("QUIT :bye\r\n"));
        });
    }

    [Test]
    public void ReadAfterOwnDispose_EndsTheInput_RatherThanFailing()
    {
        Run(async () =>
        {
            await using var pair = await Pair.OpenAsync();
            var input = pair.Client.Transport.Input;
            var waiting = input.ReadAsync();
            await pair.Client.DisposeAsync();
            Assert.That((await waiting).IsCompleted, Is.True);
        });
    }

    [Test]
    public void ReadAfterAbort_FailsAsAReset()
    {
        Run(async () =>
        {
            await using var pair = await Pair.OpenAsync();
            var input = pair.Client.Transport.Input;
            var waiting = input.ReadAsync().AsTask();
            pair.Client.Abort();
            Assert.That(async () => await waiting, Throws.InstanceOf<ConnectionResetException>());
        });
    }

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    private static string Text(ReadOnlySequence<byte> buffer) => Encoding.ASCII.GetString(buffer);

    private static byte[] Payload(int length) => Enumerable.Range(0, length).Select(i => (byte)(i * 31 + (i >> 11))).ToArray();

    /// <summary>Reads until at least <paramref name="length"/> bytes are there, without consuming them.</summary>
    private static async Task<ReadResult> ReadAtLeastAsync(PipeReader input, int length)
    {
        while (true)
        {
            var result = await input.ReadAsync();
            if (result.Buffer.Length >= length || result.IsCompleted)
            {
                return result;
            }

            input.AdvanceTo(result.Buffer.Start, result.Buffer.End);
        }
    }

    private static async Task<byte[]> ReadExactlyAsync(PipeReader input, int length)
    {
        var received = new ArrayBufferWriter<byte>(length);
        while (received.WrittenCount < length)
        {
            var result = await input.ReadAsync();
            foreach (var segment in result.Buffer)
            {
                received.Write(segment.Span);
            }

            input.AdvanceTo(result.Buffer.End);
            if (result.IsCompleted)
            {
                break;
            }
        }

        return received.WrittenSpan.ToArray();
    }

    private sealed class Pair : IAsyncDisposable
    {
        private readonly IConnectionListener _listener;

        private Pair(IConnectionListener listener, IConnection client, IConnection server)
        {
            _listener = listener;
            Client = client;
            Server = server;
        }

        public IConnection Client { get; }

        public IConnection Server { get; }

        public static async Task<Pair> OpenAsync()
        {
            var transport = new TcpTransport();
            var listener = await transport.BindAsync(new IPEndPoint(IPAddress.Loopback, 0));
            var accepting = listener.AcceptAsync().AsTask();
            var client = await transport.ConnectAsync(listener.EndPoint);
            return new Pair(listener, client, (await accepting)!);
        }

        public async ValueTask DisposeAsync()
        {
            Client.Abort();
            Server.Abort();
            await Client.DisposeAsync();
            await Server.DisposeAsync();
            await _listener.DisposeAsync();
        }
    }
}
