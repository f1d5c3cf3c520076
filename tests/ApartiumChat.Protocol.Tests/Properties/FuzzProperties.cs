using System.Text;
using FsCheck;
using FsCheck.Fluent;
using PropertyAttribute = FsCheck.NUnit.PropertyAttribute;

namespace ApartiumChat.Protocol.Tests.Properties;

/// <summary>Whatever a peer sends, the reader and the parser give a defined outcome and never throw.</summary>
public sealed class FuzzProperties
{
    // Small limits so that noise often crosses them.
    private static readonly IrcLineLimits Small = new() { MaxTagsLength = 40, MaxRestLength = 30 };

    private static readonly IrcLineLimits Tiny = new() { MaxTagsLength = 12, MaxRestLength = 10 };

    [Property(MaxTest = 1000)]
    public Property AnyBytes_GiveDefinedOutcomes_AndAnyParsedLineRoundTrips() => Prop.ForAll(
        Generators.NoisyBytes(300).ToArbitrary(),
        bytes =>
        {
            foreach (var limits in new[] { IrcLineLimits.Default, Small, Tiny })
            {
                foreach (var result in Sequences.ReadAll(new IrcLineReader(limits), new(bytes)))
                {
                    if (result.StartsWith('!'))
                    {
                        Assert.That(Enum.TryParse<IrcParseError>(result[1..], out var error) && error != IrcParseError.None, Is.True, result);
                    }
                    else
                    {
                        Assert.That(IrcMessage.Parse(result).ToString(), Is.EqualTo(result));
                    }
                }
            }
        });

    [Property(MaxTest = 500)]
    public Property AnyBytes_CutAnywhere_GiveTheSameOutcomes() => Prop.ForAll(
        Generators.NoisyBytes(200).SelectMany(b => Generators.Cuts(b.Length).Select(cuts => (b, cuts))).ToArbitrary(),
        sample =>
        {
            foreach (var limits in new[] { Small, Tiny })
            {
                var whole = Sequences.ReadAll(new IrcLineReader(limits), new(sample.b));

                var cut = Sequences.ReadAll(new IrcLineReader(limits), Sequences.Split(sample.b, sample.cuts));

                var feed = new PipeFeed(new IrcLineReader(limits));
                var start = 0;
                foreach (var end in sample.cuts.Append(sample.b.Length).Order())
                {
                    feed.Write(sample.b.AsSpan(start, end - start));
                    start = end;
                }

                Assert.That(cut, Is.EqualTo(whole));
                Assert.That(feed.Results, Is.EqualTo(whole));
            }
        });

    [Property(MaxTest = 1000)]
    public Property AnyLine_ParsesOrGivesAnError_AndItsViewIsSafeToRead() => Prop.ForAll(
        Generators.NoisyBytes(120).ToArbitrary(),
        bytes =>
        {
            var parsed = IrcLine.TryParse(bytes, out var line, out var error);

            Assert.That(Enum.IsDefined(error), Is.True);
            Assert.That(parsed, Is.EqualTo(error == IrcParseError.None));
            if (!parsed)
            {
                return;
            }

            Span<byte> value = stackalloc byte[line.RawTags.Length];
            foreach (var tag in line.Tags)
            {
                Assert.That(line.TryGetTag(tag.Key, value, out _), Is.True);
            }

            for (var i = 0; i < line.ParamCount; i++)
            {
                line.Param(i);
            }

            var message = line.ToMessage();
            Assert.That(IrcMessage.Parse(message.ToString()), Is.EqualTo(message));
        });

    [Property(MaxTest = 500)]
    public Property AnyString_ParsesOrGivesAnError() => Prop.ForAll(
        Generators.Text(["a", " ", ":", "@", ";", "=", "\r", "\n", "\0", "\ud800", "🙂", "P", "1"], 30).ToArbitrary(),
        text =>
        {
            var parsed = IrcMessage.TryParse(text, out var message, out var error);

            Assert.That(parsed, Is.EqualTo(message is not null));
            Assert.That(Enum.IsDefined(error), Is.True);
            Assert.That(parsed || error != IrcParseError.None, Is.True);
            _ = Encoding.UTF8.GetByteCount(text);
        });
}
