using ApartiumChat.Transport.Simulation;

namespace ApartiumChat.Transport.Tests.Simulation;

public sealed class SimulationLoopTests
{
    [Test]
    public void Run_DelaysOnVirtualTime_WithoutWaiting()
    {
        var loop = new SimulationLoop();

        var elapsed = loop.Run(async () =>
        {
            await Task.Delay(TimeSpan.FromHours(3), loop.Time);
            return loop.Time.Elapsed;
        });

        Assert.That(elapsed, Is.EqualTo(TimeSpan.FromHours(3)));
    }

    [Test]
    public void Run_InterleavesTasksDeterministically()
    {
        static List<string> Once()
        {
            var loop = new SimulationLoop();
            var trace = new List<string>();
            loop.Run(async () =>
            {
                async Task Worker(string name, int periodMs)
                {
                    for (var i = 0; i < 3; i++)
                    {
                        await Task.Delay(TimeSpan.FromMilliseconds(periodMs), loop.Time);
                        trace.Add($"{name}{i}@{loop.Time.Elapsed.TotalMilliseconds}");
                        await Task.Yield();
                    }
                }

                await Task.WhenAll(Worker("a", 10), Worker("b", 15), Worker("c", 10));
            });
            return trace;
        }

        var first = Once();

        Assert.That(first, Is.EqualTo(Once()));
        Assert.That(first.Take(3), Is.EqualTo(new[] { "a0@10", "c0@10", "b0@15" }));
    }

    [Test]
    public void Run_PastItsVirtualDeadline_Throws()
    {
        var loop = new SimulationLoop();

        Assert.That(
            () => loop.Run(() => Task.Delay(TimeSpan.FromMinutes(5), loop.Time), TimeSpan.FromMinutes(1)),
            Throws.TypeOf<TimeoutException>());
    }

    [Test]
    public void Run_WhenNothingCanHappen_ReportsAStall()
    {
        var loop = new SimulationLoop();
        var never = new TaskCompletionSource();

        Assert.That(() => loop.Run(() => never.Task), Throws.InvalidOperationException.With.Message.Contains("stalled"));
    }

    [Test]
    public void RunFor_MovesTheClockExactly()
    {
        var loop = new SimulationLoop();
        var ticks = 0;
        using var timer = loop.Time.CreateTimer(_ => ticks++, null, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(100));

        loop.RunFor(TimeSpan.FromMilliseconds(1050));

        Assert.That(ticks, Is.EqualTo(10));
        Assert.That(loop.Time.Elapsed, Is.EqualTo(TimeSpan.FromMilliseconds(1050)));
    }

    [Test]
    public void Run_WhenWorkHopsThroughTheThreadPool_FailsLoudly()
    {
        var loop = new SimulationLoop();

        Assert.That(
            () => loop.Run(async () =>
            {
                using var source = new CancellationTokenSource();
                var cancelled = new TaskCompletionSource();
                source.Token.Register(() => cancelled.SetResult());
#pragma warning disable RS0030 // the point of the test: CancelAsync runs callbacks on the thread pool
                await source.CancelAsync();
#pragma warning restore RS0030
                await cancelled.Task;
            }),
            Throws.InvalidOperationException.With.Message.Contains("thread pool"));
    }
}
