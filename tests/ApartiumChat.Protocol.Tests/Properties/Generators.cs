using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace ApartiumChat.Protocol.Tests.Properties;

/// <summary>Random messages, text and bytes for the properties, biased to the characters that matter.</summary>
internal static class Generators
{
    // Fragments rather than chars so that surrogate pairs stay whole.
    private static readonly string[] TextFragments =
        ["a", "Z", "0", "x", ":", " ", "!", "@", "#", "=", ";", "\\", "\t", "-", "é", "🙂", "\u0001", "\u007f", "+", ","];

    private static readonly string[] TagValueFragments = [.. TextFragments, "\r", "\n", "\\s", "\\:"];

    private static readonly byte[] InterestingBytes =
        [.. "\r\n :@;=\\+!#aZ09"u8, 0x00, 0x07, 0x7F, 0x80, 0xC3, 0xA9, 0xED, 0xF0, 0x9F, 0xFF];

    public static Gen<string> Text(string[] fragments, int maxFragments)
        => Gen.Choose(0, maxFragments).SelectMany(n => Gen.ArrayOf(Gen.Elements(fragments), n)).Select(string.Concat);

    public static Gen<string> TagValue => Text(TagValueFragments, 12);

    public static Gen<string> TagKey =>
        from clientOnly in Gen.Elements(false, true)
        from vendor in Gen.Elements("", "example.com/", "apartium.chat/", "draft/")
        from name in Gen.Choose(1, 8).SelectMany(n => Gen.ArrayOf(Gen.Elements("abcdefgXYZ0123456789-".ToCharArray()), n))
        select (clientOnly ? "+" : "") + vendor + new string(name);

    public static Gen<IrcTag[]> Tags =>
        Gen.Choose(0, 5).SelectMany(n => Gen.ArrayOf(Gen.Zip(TagKey, TagValue, (k, v) => new IrcTag(k, v)), n))
            .Select(tags => tags.DistinctBy(t => t.Key).ToArray());

    /// <summary>Non-empty, no space, not starting with ':' (a source or a middle parameter).</summary>
    public static Gen<string> Token =>
        Text(TextFragments, 8).Select(t => t.Replace(" ", "", StringComparison.Ordinal).TrimStart(':')).Where(t => t.Length > 0);

    public static Gen<string> Command => Gen.OneOf(
        Gen.Choose(1, 10).SelectMany(n => Gen.ArrayOf(Gen.Elements("abcPRIVMSGnotice".ToCharArray()), n)).Select(c => new string(c)),
        Gen.Choose(0, 999).Select(n => n.ToString("D3", System.Globalization.CultureInfo.InvariantCulture)));

    public static Gen<string[]> Params =>
        from count in Gen.Choose(0, 15)
        from middles in Gen.ArrayOf(Token, Math.Max(0, count - 1))
        from last in Gen.OneOf(Token, Text(TextFragments, 12))
        select count == 0 ? Array.Empty<string>() : middles.Append(last).ToArray();

    public static Gen<IrcMessage> Message =>
        from tags in Tags
        from source in Gen.OneOf(Gen.Constant<string?>(null), Token.Select(t => (string?)t))
        from command in Command
        from parameters in Params
        select new IrcMessage(command, parameters) { Source = source, Tags = [.. tags] };

    private static readonly byte[][] ByteFragments =
        [.. new[] { "@", "@k=v", "@a;+b=\\s", ";", "=", " ", "  ", ":", ":src ", "\r\n", "\n", "\r", "PING", "PRIVMSG", "001", "#c", "x y" }
            .Select(Encoding.UTF8.GetBytes)];

    /// <summary>Bytes that are mostly interesting: line ends, delimiters, NUL, broken UTF-8, bits of messages.</summary>
    public static Gen<byte[]> NoisyBytes(int maxLength) => Gen.Choose(0, maxLength / 3).SelectMany(n => Gen.ArrayOf(
        Gen.Frequency(
            (4, Gen.Elements(InterestingBytes).Select(b => new[] { b })),
            (4, Gen.Elements(ByteFragments)),
            (1, Gen.Choose(0, 255).Select(b => new[] { (byte)b }))),
        n)).Select(parts => parts.SelectMany(p => p).Take(maxLength).ToArray());

    /// <summary>Cut points for a buffer of <paramref name="length"/> bytes.</summary>
    public static Gen<int[]> Cuts(int length) => Gen.Choose(0, 12).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, length), n));
}
