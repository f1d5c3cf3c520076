using System.Globalization;

namespace ApartiumChat.Scenarios.Observations;

/// <summary>
/// The unique id a workload message carries: its sender and the sender's sequence number.
/// In the payload it reads <c>c3:17;</c> followed by padding up to messageBytes, so a receiver
/// can tell which message it got from the text alone.
/// </summary>
public readonly record struct LedgerId(string Sender, long Sequence)
{
    private const char Padding = '.';

    /// <summary>The payload of <paramref name="messageBytes"/> bytes (longer only if the id itself is).</summary>
    public string ToPayload(int messageBytes)
    {
        var id = string.Create(CultureInfo.InvariantCulture, $"{Sender}:{Sequence};");
        return id.Length >= messageBytes ? id : id + new string(Padding, messageBytes - id.Length);
    }

    public static bool TryParse(string payload, out LedgerId id)
    {
        id = default;
        if (payload is null)
        {
            return false;
        }

        var end = payload.IndexOf(';', StringComparison.Ordinal);
        var colon = end < 0 ? -1 : payload.LastIndexOf(':', end);
        if (colon <= 0 || !long.TryParse(payload.AsSpan(colon + 1, end - colon - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
        {
            return false;
        }

        var sender = payload[..colon];
        if (sender.Length < 2 || sender[0] != 'c' || !sender.Skip(1).All(char.IsAsciiDigit))
        {
            return false;
        }

        id = new LedgerId(sender, sequence);
        return true;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Sender}:{Sequence}");
}
