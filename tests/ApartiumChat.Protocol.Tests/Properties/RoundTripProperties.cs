using System.Text;
using FsCheck;
using FsCheck.Fluent;
using PropertyAttribute = FsCheck.NUnit.PropertyAttribute;

namespace ApartiumChat.Protocol.Tests.Properties;

public sealed class RoundTripProperties
{
    [Property(MaxTest = 500)]
    public Property Message_WrittenThenParsed_IsTheSameMessage() => Prop.ForAll(Generators.Message.ToArbitrary(), message =>
    {
        var text = message.ToString();
        var bytes = IrcMessageWriter.ToBytes(message);

        Assert.That(IrcMessage.Parse(text), Is.EqualTo(message), text);
        Assert.That(IrcLine.TryParse(bytes.AsSpan(0, bytes.Length - 2), out var line, out var error), Is.True, error.Describe());
        Assert.That(line.ToMessage(), Is.EqualTo(message), text);
        Assert.That(Encoding.UTF8.GetString(bytes), Is.EqualTo(text + "\r\n"));
        Assert.That(IrcMessageWriter.GetByteCount(message), Is.EqualTo(bytes.Length));
    });

    [Property(MaxTest = 300)]
    public Property Message_ViewAgreesWithTheMessage() => Prop.ForAll(Generators.Message.ToArbitrary(), message =>
    {
        var bytes = IrcMessageWriter.ToBytes(message);
        IrcLine.TryParse(bytes.AsSpan(0, bytes.Length - 2), out var line, out _);
        Span<byte> value = stackalloc byte[line.RawTags.Length];

        Assert.That(line.ParamCount, Is.EqualTo(message.Params.Length));
        foreach (var tag in message.Tags)
        {
            Assert.That(line.TryGetTag(Encoding.UTF8.GetBytes(tag.Key), value, out var length), Is.True);
            Assert.That(Encoding.UTF8.GetString(value[..length]), Is.EqualTo(tag.Value));
        }
    });

    [Property(MaxTest = 500)]
    public Property TagValue_EscapedThenUnescaped_IsTheSame() => Prop.ForAll(Generators.TagValue.ToArbitrary(), value =>
    {
        var escaped = TagValue.Escape(value);
        var utf8 = Encoding.UTF8.GetBytes(value);
        Span<byte> escapedBytes = stackalloc byte[TagValue.GetEscapedLength(utf8)];
        Span<byte> back = stackalloc byte[escapedBytes.Length];

        Assert.That(escaped.IndexOfAny([' ', ';', '\r', '\n', '\0']), Is.EqualTo(-1));
        Assert.That(TagValue.Unescape(escaped), Is.EqualTo(value));
        Assert.That(TagValue.TryEscape(utf8, escapedBytes, out var written) && written == escapedBytes.Length, Is.True);
        Assert.That(Encoding.UTF8.GetString(escapedBytes), Is.EqualTo(escaped));
        Assert.That(TagValue.TryUnescape(escapedBytes, back, out written), Is.True);
        Assert.That(back[..written].SequenceEqual(utf8), Is.True);
    });

    [Property(MaxTest = 300)]
    public Property TagValue_AnyRawText_UnescapesWithoutFailing() => Prop.ForAll(Generators.TagValue.ToArbitrary(), raw =>
    {
        var value = TagValue.Unescape(raw);

        Assert.That(TagValue.UnescapeToString(Encoding.UTF8.GetBytes(raw)), Is.EqualTo(value));
        Assert.That(value.Length, Is.LessThanOrEqualTo(raw.Length));
    });

    [Property(MaxTest = 300)]
    public Property ServerTime_FormattedThenParsed_IsTheSameMillisecond() => Prop.ForAll(
        Gen.Choose(0, int.MaxValue).Select(n => DateTimeOffset.UnixEpoch.AddMilliseconds(n * 1000.0 + (n % 1000)).AddYears(n % 60)).ToArbitrary(),
        time =>
        {
            var text = ServerTime.Format(time);

            Assert.That(ServerTime.Parse(text), Is.EqualTo(time));
            Assert.That(text, Has.Length.EqualTo(ServerTime.Length));
        });
}
