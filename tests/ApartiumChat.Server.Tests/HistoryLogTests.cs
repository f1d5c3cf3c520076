using System.Text;
using ApartiumChat.Protocol;
using ApartiumChat.Server.History;
using ApartiumChat.Server.Messages;
using FsCheck;
using FsCheck.Fluent;
using PropertyAttribute = FsCheck.NUnit.PropertyAttribute;

namespace ApartiumChat.Server.Tests;

/// <summary>
/// The history log keeps each message as its encoded line in chunks of bytes: what comes
/// back must be the message that went in, sent the same way, and what is dropped must be gone.
/// </summary>
public sealed class HistoryLogTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

    private static readonly ClientCapabilities[] Profiles =
    [
        ClientCapabilities.None,
        ClientCapabilities.MessageTags,
        ClientCapabilities.ServerTime,
        ClientCapabilities.MessageTags | ClientCapabilities.ServerTime,
    ];

    [Test]
    public void AnAppendedMessage_SendsTheSameLinesAsOneBuiltAfresh_ForEveryCapabilityProfile()
    {
        var log = new HistoryLog(100);
        var stored = Message(log, "hello; world\\ :)", [new("+draft/reply", "a b;c\\d"), new("+flag", "")]);
        log.Append(stored);
        var fresh = Message(log, "hello; world\\ :)", [new("+draft/reply", "a b;c\\d"), new("+flag", "")], sequence: stored.Sequence, msgId: stored.MsgId, time: stored.Time);

        foreach (var profile in Profiles)
        {
            Assert.That(Text(stored.EncodedFor(profile)), Is.EqualTo(Text(fresh.Encode(profile, []))), profile.ToString());
        }

        Assert.That(Text(stored.EncodedFor(ClientCapabilities.None)), Does.StartWith(":nick!user@host PRIVMSG #c :hello"));
    }

    [Test]
    public void AQuery_GivesBackTheMessages_WithEveryFieldAndEveryEncodingAsTheyWentIn()
    {
        var log = new HistoryLog(100);
        var originals = new List<OutboundMessage>();
        for (var i = 0; i < 5; i++)
        {
            var message = Message(log, $"line {i} with = and ; and \\", i % 2 == 0 ? [new("+x", $"v {i};")] : [], originSession: 40 + i);
            log.Append(message);
            originals.Add(message);
        }

        var restored = log.Latest(null, 10);

        Assert.That(restored, Has.Count.EqualTo(5));
        for (var i = 0; i < 5; i++)
        {
            var (a, b) = (originals[i], restored[i]);
            Assert.That(b.Source, Is.EqualTo(a.Source));
            Assert.That(b.Command, Is.EqualTo(a.Command));
            Assert.That(b.Parameters, Is.EqualTo(a.Parameters));
            Assert.That(b.MsgId, Is.EqualTo(a.MsgId));
            Assert.That(b.Time, Is.EqualTo(a.Time));
            Assert.That(b.Sequence, Is.EqualTo(a.Sequence));
            Assert.That(b.OriginSessionId, Is.EqualTo(a.OriginSessionId));
            Assert.That(b.ClientTags, Is.EqualTo(a.ClientTags));
            foreach (var profile in Profiles)
            {
                KeyValuePair<string, string?>[] batch = [new(IrcTagNames.Batch, "b1")];
                Assert.That(Text(b.EncodedFor(profile)), Is.EqualTo(Text(a.EncodedFor(profile))), profile.ToString());
                Assert.That(Text(b.Encode(profile, batch)), Is.EqualTo(Text(a.Encode(profile, batch))), profile.ToString());
            }
        }
    }

    [Test]
    public void PastTheCapacity_TheOldestAreDropped_AndTheirIdsAreUnknown()
    {
        var log = new HistoryLog(3);
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var message = Message(log, $"m{i}");
            log.Append(message);
            ids.Add(message.MsgId!);
        }

        Assert.That(log.Count, Is.EqualTo(3));
        Assert.That(log.Latest(null, 10).Select(m => m.Parameters[1]), Is.EqualTo(new[] { "m2", "m3", "m4" }));
        Assert.That(ids.Select(log.Contains), Is.EqualTo(new[] { false, false, true, true, true }));
        Assert.That(log.Contains("not-an-id"), Is.False);
        Assert.That(log.After(HistoryReference.ForMsgId(ids[2]), 10).Select(m => m.Parameters[1]), Is.EqualTo(new[] { "m3", "m4" }));
        Assert.That(log.Before(HistoryReference.ForMsgId(ids[4]), 1).Single().Parameters[1], Is.EqualTo("m3"));
    }

    [Test]
    public void ALineStillQueuedForSending_IsNotOverwritten_WhenItsChunkIsDropped()
    {
        var log = new HistoryLog(2);
        var first = Message(log, "first");
        log.Append(first);
        var queued = first.EncodedFor(ClientCapabilities.None);
        var before = Text(queued);

        for (var i = 0; i < 5_000; i++)
        {
            log.Append(Message(log, $"later message number {i}, long enough to fill chunks quickly"));
        }

        Assert.That(Text(queued), Is.EqualTo(before));
    }

    [Test]
    public void StorageFollowsWhatIsHeld_NotEverythingEverAppended()
    {
        var small = new HistoryLog(10);
        var large = new HistoryLog(10_000);
        for (var i = 0; i < 20_000; i++)
        {
            var text = $"message {i} " + new string('x', 100);
            small.Append(Message(small, text));
            large.Append(Message(large, text));
        }

        // About 160 bytes a line: 10 lines are 1.6 KB, 10,000 are 1.6 MB.
        Assert.That(small.StoredBytes, Is.LessThan(8 * 1024), "ten lines must not keep 64 KiB chunks");
        Assert.That(large.StoredBytes, Is.InRange(1_500_000, 2_600_000));
    }

    [Test]
    public void TimeReferences_FindTheFirstMessageAfter_OrAtATime()
    {
        var log = new HistoryLog(100);
        foreach (var second in new[] { 0, 1, 1, 2 })
        {
            log.Append(Message(log, $"at {second}", time: Start.AddSeconds(second)));
        }

        Assert.That(log.After(HistoryReference.ForTime(Start.AddSeconds(1)), 10).Select(m => m.Parameters[1]), Is.EqualTo(new[] { "at 2" }));
        Assert.That(log.Before(HistoryReference.ForTime(Start.AddSeconds(1)), 10).Select(m => m.Parameters[1]), Is.EqualTo(new[] { "at 0" }));
        Assert.That(log.LastTime, Is.EqualTo(Start.AddSeconds(2)));
    }

#pragma warning disable NUnit1027 // FsCheck supplies the arguments
    [Property(MaxTest = 200)]
    public Property TheLogHoldsTheLastMessagesInOrder_WhateverTheCapacityAndTexts()
    {
        var texts = Gen.Elements("a", "hé ; \\ :x", "", "sp ace", new string('y', 300), "tab\there").ListOf();
        var cases = Gen.Choose(1, 40).SelectMany(capacity => texts.Select(list => (capacity, list)));
        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var (capacity, list) = c;
            var log = new HistoryLog(capacity);
            var appended = new List<OutboundMessage>();
            foreach (var text in list)
            {
                var message = Message(log, text.Length == 0 ? "." : text, text.Length % 2 == 0 ? [new("+t", text)] : []);
                log.Append(message);
                appended.Add(message);
            }

            var held = appended.Skip(Math.Max(0, appended.Count - capacity)).ToList();
            var restored = log.Latest(null, capacity);
            return restored.Count == held.Count
                && restored.Zip(held).All(p => p.First.MsgId == p.Second.MsgId
                    && Text(p.First.EncodedFor(ClientCapabilities.MessageTags)) == Text(p.Second.EncodedFor(ClientCapabilities.MessageTags)))
                && appended.All(m => log.Contains(m.MsgId!) == held.Contains(m));
        });
    }
#pragma warning restore NUnit1027

    private static OutboundMessage Message(
        HistoryLog log,
        string text,
        IReadOnlyList<KeyValuePair<string, string>>? clientTags = null,
        long originSession = 7,
        long? sequence = null,
        string? msgId = null,
        DateTimeOffset? time = null) =>
        new("nick!user@host", IrcCommands.Privmsg, ["#c", text], time ?? log.LastTime ?? Start, msgId ?? $"id{log.NextSequence}", clientTags, originSession, sequence ?? log.NextSequence);

    private static string Text(ReadOnlyMemory<byte> line) => Encoding.UTF8.GetString(line.Span);
}
