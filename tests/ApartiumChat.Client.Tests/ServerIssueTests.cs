using ApartiumChat.Client.Tests.Support;
using ApartiumChat.Testing;

namespace ApartiumChat.Client.Tests;

/// <summary>
/// Server defects found while building the client, kept as regression tests now that they
/// are fixed (flood throttle spin; a lost resume answer stranding the session).
/// </summary>
public sealed class ServerIssueTests
{
    [Test]
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

    [Test]
    public void Resume_WhoseAnswerIsLost_CanBeRetriedWithTheSameToken()
    {
        // A client resumes on s1 with token T1. The server takes the session over and issues T2
        // (HA TOKEN), but the connection dies before the client reads it: a link that drops
        // data towards the client, or s1 crashing right after the resume. The client still
        // holds only T1, which stopped working the moment T2 was issued: every later HA RESUME is
        // refused (INVALID_TOKEN), and registering afresh is refused too (433: the stranded,
        // detached session keeps the nick) until Ha:ResumeRetention (120 s) ends it. Meanwhile
        // the client's sends time out and its channel history cannot be replayed into the same
        // session. The HA client's chaos property finds this within a few random schedules.
        // A fix: keep the previous token valid until the new one has been used (or until the
        // resumed connection has sent something after HA TOKEN); or do not rotate on resume.
        string[] caps = ["message-tags", "server-time", "echo-message", "labeled-response", "batch", "draft/chathistory", "apartium.chat/ha"];
        var cluster = new SimulatedCluster(2);
        var links = new FaultyLinks(cluster.Network, cluster.Time, new Random(1));
        cluster.Run(async () =>
        {
            await cluster.StartAllAsync();
            var ann = await cluster.RegisterAsync(0, "ann", caps);
            var token = (await ann.ExpectAsync(m => m.Command == "HA" && m.Param(0) == "TOKEN")).Param(1)!;
            await cluster.Server(0).CrashAsync();

            links.Link(SimulatedCluster.Address(1)).DropDownstream = true; // s1 hears the resume; its answers are lost
            var lost = await RawIrcClient.ConnectAsync(links, SimulatedCluster.Address(1), cluster.Time);
            await lost.SendAsync("CAP REQ :" + string.Join(' ', caps));
            await lost.SendAsync("HA RESUME " + token);
            await lost.SendAsync("CAP END");
            await cluster.SettleAsync(TimeSpan.FromMilliseconds(300));
            lost.Connection.Abort(); // the client gives up on that attempt
            links.Link(SimulatedCluster.Address(1)).Heal();
            await cluster.SettleAsync();

            var retry = await cluster.ConnectAsync(1);
            await retry.SendAsync("CAP REQ :" + string.Join(' ', caps));
            await retry.SendAsync("HA RESUME " + token);
            var answer = await retry.ExpectAsync(m => m.Command is "HA" or "FAIL");

            Assert.That(answer.Param(0), Is.EqualTo("RESUMED"), "the only token the client ever saw must still bring its session back");
        });
    }
}
