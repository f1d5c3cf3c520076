using System.Numerics;

namespace ApartiumChat.Protocol;

/// <summary>
/// The IRCv3 server-time format: <c>YYYY-MM-DDThh:mm:ss.sssZ</c>, always UTC, always with
/// milliseconds (finer precision is truncated). 24 characters.
/// </summary>
public static class ServerTime
{
    /// <summary>The length of a formatted time.</summary>
    public const int Length = 24;

    public static string Format(DateTimeOffset time)
        => string.Create(Length, time, static (destination, value) => FormatCore(value, destination));

    public static bool TryFormat(DateTimeOffset time, Span<byte> utf8Destination, out int written)
        => TryFormatCore(time, utf8Destination, out written);

    public static bool TryFormat(DateTimeOffset time, Span<char> destination, out int written)
        => TryFormatCore(time, destination, out written);

    /// <exception cref="FormatException">When the text is not a server time.</exception>
    public static DateTimeOffset Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var time) ? time : throw new FormatException($"'{text}' is not a server time (YYYY-MM-DDThh:mm:ss.sssZ).");
    }

    public static bool TryParse(ReadOnlySpan<char> text, out DateTimeOffset time) => TryParseCore(text, out time);

    public static bool TryParse(ReadOnlySpan<byte> utf8Text, out DateTimeOffset time) => TryParseCore(utf8Text, out time);

    private static bool TryFormatCore<T>(DateTimeOffset time, Span<T> destination, out int written)
        where T : unmanaged, IBinaryInteger<T>
    {
        if (destination.Length < Length)
        {
            written = 0;
            return false;
        }

        FormatCore(time, destination);
        written = Length;
        return true;
    }

    private static void FormatCore<T>(DateTimeOffset time, Span<T> destination)
        where T : unmanaged, IBinaryInteger<T>
    {
        // One calendar computation, then arithmetic on the ticks of the day.
        var utc = time.UtcDateTime;
        var (year, month, day) = utc;
        var ticksOfDay = utc.Ticks % TimeSpan.TicksPerDay;
        var milliseconds = (int)(ticksOfDay / TimeSpan.TicksPerMillisecond);
        Digits(destination[..4], year);
        destination[4] = T.CreateTruncating('-');
        Digits(destination.Slice(5, 2), month);
        destination[7] = T.CreateTruncating('-');
        Digits(destination.Slice(8, 2), day);
        destination[10] = T.CreateTruncating('T');
        Digits(destination.Slice(11, 2), milliseconds / 3_600_000);
        destination[13] = T.CreateTruncating(':');
        Digits(destination.Slice(14, 2), milliseconds / 60_000 % 60);
        destination[16] = T.CreateTruncating(':');
        Digits(destination.Slice(17, 2), milliseconds / 1000 % 60);
        destination[19] = T.CreateTruncating('.');
        Digits(destination.Slice(20, 3), milliseconds % 1000);
        destination[23] = T.CreateTruncating('Z');
    }

    private static void Digits<T>(Span<T> destination, int value)
        where T : unmanaged, IBinaryInteger<T>
    {
        for (var i = destination.Length - 1; i >= 0; i--)
        {
            destination[i] = T.CreateTruncating('0' + (value % 10));
            value /= 10;
        }
    }

    private static bool TryParseCore<T>(ReadOnlySpan<T> text, out DateTimeOffset time)
        where T : unmanaged, IBinaryInteger<T>
    {
        time = default;
        if (text.Length != Length
            || !Is(text[4], '-') || !Is(text[7], '-') || !Is(text[10], 'T') || !Is(text[13], ':')
            || !Is(text[16], ':') || !Is(text[19], '.') || !Is(text[23], 'Z'))
        {
            return false;
        }

        if (!TryDigits(text[..4], out var year) || !TryDigits(text.Slice(5, 2), out var month)
            || !TryDigits(text.Slice(8, 2), out var day) || !TryDigits(text.Slice(11, 2), out var hour)
            || !TryDigits(text.Slice(14, 2), out var minute) || !TryDigits(text.Slice(17, 2), out var second)
            || !TryDigits(text.Slice(20, 3), out var millisecond))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        time = new DateTimeOffset(year, month, day, hour, minute, second, millisecond, TimeSpan.Zero);
        return true;
    }

    private static bool Is<T>(T unit, char expected)
        where T : unmanaged, IBinaryInteger<T>
        => uint.CreateTruncating(unit) == expected;

    private static bool TryDigits<T>(ReadOnlySpan<T> text, out int value)
        where T : unmanaged, IBinaryInteger<T>
    {
        value = 0;
        foreach (var unit in text)
        {
            var digit = uint.CreateTruncating(unit) - '0';
            if (digit > 9)
            {
                return false;
            }

            value = (value * 10) + (int)digit;
        }

        return true;
    }
}
