using System.Diagnostics.Metrics;
using ApartiumChat.Server.Diagnostics;
using ApartiumChat.Testing;

namespace ApartiumChat.Server.Tests;

public sealed class TagsAndMetricsTests
{
    [Test]
    public void ClientOnlyTags_AreRelayedEscaped_ToMessageTagsClientsOnly_ServerTagsAreNot()
    {
        var cluster = new SimulatedCluster(1);
        cluster.Run(async () =>
        {
            await cluster.StartAllAsync();
            var ann = await cluster.RegisterAsync(0, "ann", "message-tags");
            var bob = await cluster.RegisterAsync(0, "bob", "message-tags");
            var cat = await cluster.RegisterAsync(0, "cat");
            foreach (var client in new[] { ann, bob, cat })
            {
                await client.JoinAsync("#lobby");
            }

            await ann.SendAsync(@"@+example.com/reply=a\sb\:c;msgid=forged;+typing=active TAGMSG #lobby");

            var tagmsg = await bob.ExpectAsync(m => m.Command == "TAGMSG");
            Assert.That(tagmsg.GetTag("+example.com/reply"), Is.EqualTo("a b;c"));
            Assert.That(tagmsg.GetTag("+typing"), Is.EqualTo("active"));
            Assert.That(tagmsg.GetTag("msgid"), Is.Not.EqualTo("forged").And.Length.EqualTo(26), "clients cannot set server tags");
            await ann.SendAsync("@+x=1 PRIVMSG #lobby :plain client sees no tags");
            var plain = await cat.ExpectAsync(m => m.Command == "PRIVMSG");
            Assert.That(plain.Tags, Is.Empty);
            Assert.That(cat.Received.Any(m => m.Command == "TAGMSG"), Is.True, "TAGMSG still reaches it, without tags");
        });
    }

    [Test]
    public void Metrics_CountConnectionsRegistrationsMessagesAndDisconnectReasons()
    {
        var measured = new List<(string Instrument, long Value, string? Reason)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ServerMetrics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            string? reason = null;
            foreach (var tag in tags)
            {
                if (tag.Key == "reason")
                {
                    reason = tag.Value as string;
                }
            }

            lock (measured)
            {
                measured.Add((instrument.Name, value, reason));
            }
        });
        listener.Start();

        var cluster = new SimulatedCluster(1);
        cluster.Run(async () =>
        {
            await cluster.StartAllAsync();
            var ann = await cluster.RegisterAsync(0, "metrics-ann");
            await ann.SendAsync("PING :x");
            await ann.ExpectAsync(m => m.Command == "PONG");
            await ann.SendAsync("QUIT");
            await ann.ExpectClosedAsync();
            await cluster.SettleAsync();
        });

        lock (measured)
        {
            long Sum(string name) => measured.Where(m => m.Instrument == name).Sum(m => m.Value);
            Assert.That(Sum("apartium.server.connections.opened"), Is.GreaterThanOrEqualTo(1));
            Assert.That(Sum("apartium.server.registrations"), Is.GreaterThanOrEqualTo(1));
            Assert.That(Sum("apartium.server.messages.in"), Is.GreaterThanOrEqualTo(4));
            Assert.That(Sum("apartium.server.bytes.out"), Is.GreaterThan(100));
            Assert.That(measured.Where(m => m.Instrument == "apartium.server.connections.closed").Select(m => m.Reason), Does.Contain("quit"));
        }
    }
}
