using ApartiumChat.Client.Events;
using ApartiumChat.Client.Tests.Support;

namespace ApartiumChat.Client.Tests;

/// <summary>Back to the preferred server once it has been healthy for the hold-down (1 s here); never flapping.</summary>
public sealed class FailbackTests
{
    private static readonly TimeSpan HoldDown = TimeSpan.FromSeconds(1);

    [Test]
    public void Failback_AfterTheHoldDown_MakeBeforeBreak_NothingLostOrDoubled()
    {
        var harness = new ClientHarness(2);
        harness.Run(async () =>
        {
            var (ann, annLog) = await harness.ConnectAsync("ann");
            var (bob, bobLog) = await harness.ConnectAsync(harness.Options("bob", 1) with { Failback = false });
            await harness.Cluster.Server(0).CrashAsync();
            await annLog.WaitFor<Connected>(c => c.ServerId == "s1");

            var chatting = Task.WhenAll(
                harness.ChatAsync(ann, "ann", 300, TimeSpan.FromMilliseconds(10)),
                harness.ChatAsync(bob, "bob", 300, TimeSpan.FromMilliseconds(10)));
            await harness.SettleAsync(TimeSpan.FromMilliseconds(500));
            var restartedAt = harness.Now;
            await harness.Cluster.StartAsync(0);
            var back = await annLog.WaitFor<FailedBack>();
            await chatting;
            await harness.DrainedAsync(ann);
            await harness.SettleAsync(TimeSpan.FromMilliseconds(200));

            Assert.That((back.FromServerId, back.ToServerId, back.Kind), Is.EqualTo(("s1", "s0", RegistrationKind.Resumed)));
            Assert.That(back.Time - restartedAt, Is.InRange(HoldDown, HoldDown + TimeSpan.FromMilliseconds(150)));
            var afterRestart = annLog.All.Where(e => e.Time >= restartedAt).ToList();
            Assert.That(afterRestart.OfType<StateChanged>().Select(s => s.Current), Has.None.EqualTo(ClientState.FailingOver), "make-before-break: never without a server");
            Assert.That(afterRestart.OfType<ServerDeclaredDead>(), Is.Empty, "a fail-back is not a failure");
            var connected = afterRestart.OfType<Connected>().Single();
            Assert.That((connected.ServerId, connected.Purpose), Is.EqualTo(("s0", ConnectionPurpose.Failback)));
            Assert.That(ann.CurrentServer!.Id, Is.EqualTo("s0"));
            ClientHarness.AssertExactlyOnceInOrder(bobLog, "ann", 300);
            ClientHarness.AssertExactlyOnceInOrder(annLog, "bob", 300);
        });
    }

    [Test]
    public void PreferredServerComingAndGoing_NeverMakesTheClientFlap()
    {
        var harness = new ClientHarness(2);
        harness.Run(async () =>
        {
            var (ann, log) = await harness.ConnectAsync("ann");
            await harness.Cluster.Server(0).CrashAsync();
            await log.WaitFor<Connected>(c => c.ServerId == "s1");

            for (var i = 0; i < 6; i++)
            {
                await harness.Cluster.StartAsync(0);
                await harness.SettleAsync(TimeSpan.FromMilliseconds(700)); // up for less than the hold-down
                await harness.Cluster.Server(0).CrashAsync();
                await harness.SettleAsync(TimeSpan.FromMilliseconds(300));
            }

            Assert.That(log.Of<FailedBack>(), Is.Empty);
            Assert.That(log.Of<FailbackProbed>().Count(p => p.Healthy), Is.EqualTo(6), "each return was seen");
            Assert.That(log.Of<FailbackProbed>().Count(p => !p.Healthy), Is.GreaterThanOrEqualTo(6), "each loss started the hold-down over");

            var stableFrom = harness.Now;
            await harness.Cluster.StartAsync(0);
            var back = await log.WaitFor<FailedBack>();
            await harness.SettleAsync(TimeSpan.FromSeconds(5));

            Assert.That(back.Time - stableFrom, Is.InRange(HoldDown, HoldDown + TimeSpan.FromMilliseconds(150)));
            Assert.That(log.Of<FailedBack>().Count(), Is.EqualTo(1));
            Assert.That(log.Of<FailedOver>().Count(), Is.EqualTo(1));
            Assert.That(ann.CurrentServer!.Id, Is.EqualTo("s0"));
        });
    }

    [Test]
    public void HungPreferredServer_IsNotHealthy_SoNoFailback()
    {
        var harness = new ClientHarness(2);
        harness.Run(async () =>
        {
            var (ann, log) = await harness.ConnectAsync("ann");
            harness.Cluster.Server(0).Hang();
            await log.WaitFor<Connected>(c => c.ServerId == "s1");

            await harness.SettleAsync(TimeSpan.FromSeconds(4));
            Assert.That(log.Of<FailedBack>(), Is.Empty, "it accepts connections but answers nothing");

            harness.Cluster.Server(0).Unhang();
            await log.WaitFor<FailedBack>();
            Assert.That(ann.CurrentServer!.Id, Is.EqualTo("s0"));
        });
    }

    [Test]
    public void FailbackOff_StaysOnTheServerItMovedTo()
    {
        var harness = new ClientHarness(2);
        harness.Run(async () =>
        {
            var (ann, log) = await harness.ConnectAsync(harness.Options("ann") with { Failback = false });
            await harness.Cluster.Server(0).CrashAsync();
            await log.WaitFor<Connected>(c => c.ServerId == "s1");
            await harness.Cluster.StartAsync(0);

            await harness.SettleAsync(TimeSpan.FromSeconds(5));

            Assert.That(log.Of<FailedBack>(), Is.Empty);
            Assert.That(log.Of<FailbackProbed>(), Is.Empty);
            Assert.That(ann.CurrentServer!.Id, Is.EqualTo("s1"));
        });
    }

    [Test]
    public void Failback_GoesToTheMostPreferredHealthyServer()
    {
        var harness = new ClientHarness(3);
        harness.Run(async () =>
        {
            var (ann, log) = await harness.ConnectAsync("ann");
            await harness.Cluster.Server(1).CrashAsync();
            await harness.Cluster.Server(0).CrashAsync();
            await log.WaitFor<Connected>(c => c.ServerId == "s2");
            await harness.Cluster.StartAsync(1);
            await harness.Cluster.StartAsync(0);

            await log.WaitFor<FailedBack>();
            await harness.SettleAsync(TimeSpan.FromSeconds(4));

            Assert.That(log.Of<FailedBack>().Select(f => f.ToServerId).First(), Is.EqualTo("s0"));
            Assert.That(ann.CurrentServer!.Id, Is.EqualTo("s0"));
        });
    }
}
