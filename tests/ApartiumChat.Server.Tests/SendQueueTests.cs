using System.Buffers;
using System.Text;
using ApartiumChat.Server.Node;
using FsCheck;
using PropertyAttribute = FsCheck.NUnit.PropertyAttribute;

namespace ApartiumChat.Server.Tests;

public sealed class SendQueueTests
{
    [Test]
    public void TryAdd_WhileTheWriterWaits_AsksExactlyOneAdderToWakeIt()
    {
        var queue = new SendQueue();
        var waiting = queue.WaitToReadAsync().AsTask();
        Assert.That(waiting.IsCompleted, Is.False);

        queue.TryAdd(Line("a"), out var first);
        queue.TryAdd(Line("b"), out var second);
        Assert.That((first, second), Is.EqualTo((true, false)));
        Assert.That(waiting.IsCompleted, Is.False, "adding alone must not wake the writer: the adder decides when");

        queue.Wake(inline: true);
        Assert.That(waiting.IsCompleted, Is.True);
        Assert.That(Drain(queue), Is.EqualTo("ab"));
    }

    [Test]
    public void WaitToRead_WithLinesQueued_CompletesAtOnce_AndNoAdderIsAskedToWake()
    {
        var queue = new SendQueue();
        queue.TryAdd(Line("a"), out var wake);

        Assert.That(wake, Is.False);
        Assert.That(queue.WaitToReadAsync().AsTask().IsCompletedSuccessfully, Is.True);
    }

    [Test]
    public async Task Complete_WakesAWaitingWriter_ThatThenFindsNothingMore()
    {
        var queue = new SendQueue();
        var waiting = queue.WaitToReadAsync().AsTask();

        queue.Complete();

        Assert.That(await waiting, Is.True, "woken to look");
        Assert.That(await queue.WaitToReadAsync(), Is.False, "completed and drained");
        Assert.That(queue.TryAdd(Line("late"), out _), Is.False);
    }

    [Test]
    public async Task Complete_WithLinesQueued_LetsTheWriterDrainThemFirst()
    {
        var queue = new SendQueue();
        queue.TryAdd(Line("x"), out _);
        queue.Complete();

        Assert.That(await queue.WaitToReadAsync(), Is.True);
        Assert.That(Drain(queue), Is.EqualTo("x"));
        Assert.That(await queue.WaitToReadAsync(), Is.False);
    }

    [Test]
    public void DrainInto_StopsNearTheByteBudget_AndKeepsTheRest()
    {
        var queue = new SendQueue();
        foreach (var line in new[] { "aaaa", "bbbb", "cccc" })
        {
            queue.TryAdd(Line(line), out _);
        }

        var output = new ArrayBufferWriter<byte>();
        var written = queue.DrainInto(output, 5);

        Assert.That(written, Is.EqualTo(8), "whole lines: the one that crosses the budget goes too");
        Assert.That(Drain(queue), Is.EqualTo("cccc"));
    }

    [Test]
    public void Trim_WhenEmpty_KeepsWorking()
    {
        var queue = new SendQueue();
        for (var i = 0; i < 40; i++)
        {
            queue.TryAdd(Line("z"), out _);
        }

        Drain(queue);
        queue.Trim();
        queue.TryAdd(Line("after"), out _);

        Assert.That(Drain(queue), Is.EqualTo("after"));
    }

    [Test]
    public void DeliveryBatch_AfterAReadOfManyLines_WakesTheWritersAtTheEnd_OnTheReadingThread()
    {
        var queue = new SendQueue();
        var writer = new ProbeWriter(queue);
        using (DeliveryBatch.Begin())
        {
            queue.TryAdd(Line("a"), out var wake);
            Assert.That(wake, Is.True);
            DeliveryBatch.Wake(queue);
            DeliveryBatch.Handled(100);
            Assert.That(writer.Woke.IsCompleted, Is.False, "inside a batch the writer sleeps on");
        }

        Assert.That(writer.Woke.IsCompleted, Is.True, "the end of the batch wakes it, here and now");
        Assert.That(writer.Woke.Result, Is.EqualTo(Environment.CurrentManagedThreadId));
    }

    [Test]
    public async Task DeliveryBatch_AfterAReadOfAFewLines_LeavesTheWritersToRunOnTheirOwn()
    {
        var queues = new[] { new SendQueue(), new SendQueue() };
        var writers = queues.Select(queue => new ProbeWriter(queue)).ToArray();
        var reader = Environment.CurrentManagedThreadId;
        using (DeliveryBatch.Begin())
        {
            foreach (var queue in queues)
            {
                queue.TryAdd(Line("a"), out _);
                DeliveryBatch.Wake(queue);
            }

            DeliveryBatch.Handled(1);
            Assert.That(writers.Select(writer => writer.Woke.IsCompleted), Is.All.False, "inside a batch the writers sleep on");
        }

        foreach (var writer in writers)
        {
            var ranOn = await writer.Woke.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.That(ranOn, Is.Not.EqualTo(reader), "writers woken after a short read run elsewhere, so later lines can join their writes");
        }
    }

    [Test]
    public async Task DeliveryBatch_LinesCountedOutsideAScope_DoNotCarryIntoTheNext()
    {
        DeliveryBatch.Handled(100); // no scope open: nothing to decide
        var queues = new[] { new SendQueue(), new SendQueue() };
        var writers = queues.Select(queue => new ProbeWriter(queue)).ToArray();
        var reader = Environment.CurrentManagedThreadId;
        using (DeliveryBatch.Begin())
        {
            foreach (var queue in queues)
            {
                queue.TryAdd(Line("a"), out _);
                DeliveryBatch.Wake(queue);
            }

            DeliveryBatch.Handled(1);
        }

        foreach (var writer in writers)
        {
            Assert.That(await writer.Woke.WaitAsync(TimeSpan.FromSeconds(30)), Is.Not.EqualTo(reader), "a read of one line, whatever was counted before the scope");
        }
    }

    [Test]
    public void DeliveryBatch_AfterAReadOfAFewLines_ForOneWriterOnly_WakesItOnTheReadingThread()
    {
        var queue = new SendQueue();
        var writer = new ProbeWriter(queue);
        using (DeliveryBatch.Begin())
        {
            queue.TryAdd(Line("PONG"), out _);
            DeliveryBatch.Wake(queue);
            DeliveryBatch.Handled(1);
            Assert.That(writer.Woke.IsCompleted, Is.False, "inside a batch the writer sleeps on");
        }

        Assert.That(writer.Woke.IsCompleted, Is.True, "a lone writer (a reply, one receiver) gains nothing from waiting, so it runs here and now");
        Assert.That(writer.Woke.Result, Is.EqualTo(Environment.CurrentManagedThreadId));
    }

#pragma warning disable NUnit1027 // FsCheck supplies the arguments
    [Property]
    public bool Lines_ComeOutInTheOrderTheyWentIn_WhateverTheAddsAndDrains(PositiveInt[] batches)
    {
        var queue = new SendQueue();
        var expected = new StringBuilder();
        var actual = new StringBuilder();
        var next = 0;
        foreach (var batch in batches)
        {
            for (var i = 0; i < batch.Get % 100; i++)
            {
                var line = (next++ % 10).ToString(System.Globalization.CultureInfo.InvariantCulture);
                queue.TryAdd(Line(line), out _);
                expected.Append(line);
            }

            var output = new ArrayBufferWriter<byte>();
            queue.DrainInto(output, batch.Get % 7);
            actual.Append(Encoding.ASCII.GetString(output.WrittenSpan));
        }

        actual.Append(Drain(queue));
        return actual.ToString() == expected.ToString();
    }
#pragma warning restore NUnit1027

    private static ReadOnlyMemory<byte> Line(string text) => Encoding.ASCII.GetBytes(text);

    private static string Drain(SendQueue queue)
    {
        var output = new ArrayBufferWriter<byte>();
        queue.DrainInto(output, int.MaxValue);
        return Encoding.ASCII.GetString(output.WrittenSpan);
    }

    /// <summary>
    /// A writer loop's first wait: completes with the thread its continuation ran on. Started
    /// without the test's synchronization context, as the server's loops run, so an inline
    /// wake-up runs it on the waking thread rather than posting it to that context.
    /// </summary>
    private sealed class ProbeWriter
    {
        public ProbeWriter(SendQueue queue)
        {
            var context = SynchronizationContext.Current;
            SynchronizationContext.SetSynchronizationContext(null);
            try
            {
                Woke = WaitAsync(queue);
            }
            finally
            {
                SynchronizationContext.SetSynchronizationContext(context);
            }
        }

        public Task<int> Woke { get; }

        private static async Task<int> WaitAsync(SendQueue queue)
        {
            await queue.WaitToReadAsync();
            return Environment.CurrentManagedThreadId;
        }
    }
}
