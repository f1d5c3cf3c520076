using System.Buffers;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using PropertyAttribute = FsCheck.NUnit.PropertyAttribute;

namespace ApartiumChat.Protocol.Tests.Properties;

public sealed class FramingProperties
{
    // Generated lines may pass 512 bytes; these tests are about framing, not limits.
    private static readonly IrcLineLimits Roomy = new() { MaxRestLength = 64 * 1024 };

    private static Gen<(IrcMessage[] Messages, byte[] Stream)> Streams =>
        Gen.Choose(1, 12).SelectMany(n => Gen.ArrayOf(
            Gen.Zip(Generators.Message, Gen.Elements("\r\n", "\n", "\r\n\r\n", "\n\n\r\n")), n))
        .Select(lines => (
            lines.Select(l => l.Item1).ToArray(),
            lines.SelectMany(l => Encoding.UTF8.GetBytes(l.Item1 + l.Item2)).ToArray()));

    [Property(MaxTest = 300)]
    public Property Stream_CutAnywhereIntoSegments_ParsesToTheSameMessages() => Prop.ForAll(
        Streams.SelectMany(s => Generators.Cuts(s.Stream.Length).Select(cuts => (s.Messages, s.Stream, cuts))).ToArbitrary(),
        sample =>
        {
            var buffer = Sequences.Split(sample.Stream, sample.cuts);

            var lines = Sequences.ReadAll(new IrcLineReader(Roomy), buffer);

            Assert.That(lines, Is.EqualTo(sample.Messages.Select(m => m.ToString())));
        });

    [Property(MaxTest = 200)]
    public Property Stream_ArrivingInChunksThroughAPipe_ParsesToTheSameMessages() => Prop.ForAll(
        Streams.SelectMany(s => Generators.Cuts(s.Stream.Length).Select(cuts => (s.Messages, s.Stream, cuts))).ToArbitrary(),
        sample =>
        {
            var feed = new PipeFeed(new IrcLineReader(Roomy));
            var start = 0;
            foreach (var cut in sample.cuts.Append(sample.Stream.Length).Order())
            {
                feed.Write(sample.Stream.AsSpan(start, cut - start));
                start = cut;
            }

            Assert.That(feed.Results, Is.EqualTo(sample.Messages.Select(m => m.ToString())));
        });

    [Property(MaxTest = 200)]
    public Property Stream_ParsedInPlace_GivesTheSameViewsAsMessages() => Prop.ForAll(Streams.ToArbitrary(), sample =>
    {
        var reader = new IrcLineReader(Roomy);
        var buffer = new ReadOnlySequence<byte>(sample.Stream);
        var seen = new List<IrcMessage>();
        while (reader.TryReadLine(ref buffer, out var bytes) == IrcLineStatus.Line)
        {
            Assert.That(IrcLine.TryParse(bytes, out var line, out var error), Is.True, error.Describe());
            seen.Add(line.ToMessage());
        }

        Assert.That(seen, Is.EqualTo(sample.Messages));
        Assert.That(buffer.Length, Is.Zero);
    });
}
