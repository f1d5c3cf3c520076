using ApartiumChat.Testing;

namespace ApartiumChat.Client.Tests;

/// <summary>
/// Server defects found while building the client, written as failing tests for the server's
/// owner. Ignored until fixed; the client's tests work around them meanwhile.
/// </summary>
public sealed class ServerIssueTests
{
    [Test]
    [Ignore("server: flood throttling spins forever when the wait is under 1 ms (see the test's comment)")]
    public void FloodThrottle_WithAWaitUnderOneMillisecond_StillLetsTimePass()
    {
        // ClientConnection.ReadLoopAsync waits `await Task.Delay(throttledFor, Time)`. A throttle
        // wait of (1 - tokens) / rate seconds comes out as 9999 ticks here (TimeSpan.FromSeconds
        // truncates 0.0009999999999996696 s), and Task.Delay counts whole milliseconds: a delay
        // under 1 ms completes at once. The loop then re-reads, refills nothing (no time passed),
        // is throttled again, and never yields: on a SimulationLoop virtual time stops at 149 ms
        // (tokens stuck at 0.98), and with real time the loop busy-waits. Reproduced by a client
        // sending 60 lines, one per 5 ms, with the default limits (burst 30, 20 lines/s).
        // A fix: round the throttle wait up to a whole millisecond (or wait on a TimeProvider timer).
        var cluster = new SimulatedCluster(1);
        var finished = false;
        var runner = new Thread(() =>
        {
            cluster.Run(async () =>
            {
                await cluster.StartAllAsync();
                var bob = await cluster.RegisterAsync(0, "bob");
                await bob.SendAsync("JOIN #lobby");
                await bob.ExpectAsync(m => m.Command == "366");
                for (var i = 0; i < 60; i++)
                {
                    await bob.SendAsync($"PRIVMSG #lobby :bob-{i}");
                    await Task.Delay(TimeSpan.FromMilliseconds(5), cluster.Time);
                }

                await cluster.SettleAsync(TimeSpan.FromSeconds(5));
            });
            finished = true;
        })
        {
            IsBackground = true, // a spinning loop must not keep the test run alive
        };

        runner.Start();
        runner.Join(TimeSpan.FromSeconds(20));

        Assert.That(finished, Is.True, $"the simulation is stuck at virtual time {cluster.Loop.Time.Elapsed}");
    }
}
