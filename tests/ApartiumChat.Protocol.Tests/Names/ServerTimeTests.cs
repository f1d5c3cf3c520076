using System.Text;

namespace ApartiumChat.Protocol.Tests.Names;

public sealed class ServerTimeTests
{
    [Test]
    public void Format_IsUtcWithMilliseconds()
    {
        var time = new DateTimeOffset(2026, 12, 3, 11, 0, 3, 7, TimeSpan.FromHours(1)).AddTicks(9999);

        Assert.That(ServerTime.Format(time), Is.EqualTo("2026-12-03T10:00:03.007Z"));
    }

    [Test]
    public void TryFormat_IntoUtf8AndChars()
    {
        var time = new DateTimeOffset(1, 1, 1, 0, 0, 0, TimeSpan.Zero);
        Span<byte> bytes = stackalloc byte[ServerTime.Length];
        Span<char> chars = stackalloc char[ServerTime.Length];

        Assert.That(ServerTime.TryFormat(time, bytes, out var written) && written == 24, Is.True);
        Assert.That(Encoding.ASCII.GetString(bytes), Is.EqualTo("0001-01-01T00:00:00.000Z"));
        Assert.That(ServerTime.TryFormat(time, chars, out _) && chars.ToString() == "0001-01-01T00:00:00.000Z", Is.True);
        Assert.That(ServerTime.TryFormat(time, bytes[..23], out written), Is.False);
        Assert.That(written, Is.Zero);
    }

    [Test]
    public void Parse_ReadsWhatFormatWrites()
    {
        var time = new DateTimeOffset(2026, 2, 28, 23, 59, 59, 999, TimeSpan.Zero);

        Assert.That(ServerTime.Parse(ServerTime.Format(time)), Is.EqualTo(time));
        Assert.That(ServerTime.TryParse("2024-02-29T12:00:00.500Z"u8, out var leap), Is.True);
        Assert.That(leap, Is.EqualTo(new DateTimeOffset(2024, 2, 29, 12, 0, 0, 500, TimeSpan.Zero)));
        Assert.That(leap.Offset, Is.EqualTo(TimeSpan.Zero));
    }

    [TestCase("2026-12-03T10:00:03Z")]
    [TestCase("2026-12-03T10:00:03.0000Z")]
    [TestCase("2026-12-03 10:00:03.000Z")]
    [TestCase("2026-12-03T10:00:03.000+")]
    [TestCase("2026-13-03T10:00:03.000Z")]
    [TestCase("2025-02-29T10:00:03.000Z")]
    [TestCase("2026-12-03T24:00:03.000Z")]
    [TestCase("2026-12-03T10:60:03.000Z")]
    [TestCase("2026-12-03T10:00:60.000Z")]
    [TestCase("0000-12-03T10:00:03.000Z")]
    [TestCase("2026-12-0xT10:00:03.000Z")]
    [TestCase("")]
    public void TryParse_AnythingElse_IsRefused(string text)
    {
        Assert.That(ServerTime.TryParse(text, out _), Is.False);
        Assert.That(ServerTime.TryParse(Encoding.UTF8.GetBytes(text), out _), Is.False);
        Assert.That(() => ServerTime.Parse(text), Throws.TypeOf<FormatException>());
    }
}
