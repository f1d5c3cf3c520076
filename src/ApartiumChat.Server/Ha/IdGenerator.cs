namespace ApartiumChat.Server.Ha;

/// <summary>
/// Message ids and resume tokens from the injected random source: cryptographically random
/// in real runs (<see cref="ApartiumChat.Transport.SecureRandom"/>), seeded in simulation. Random
/// ids, not counters, are what make them unique across the cluster and across restarts.
/// </summary>
public sealed class IdGenerator
{
    private const string Base32Alphabet = "0123456789abcdefghjkmnpqrstvwxyz"; // Crockford, lower case
    private const string Base64UrlAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private readonly Random _random;

    public IdGenerator(Random random)
    {
        _random = random;
    }

    /// <summary>26 characters of base32: 130 bits, 128 of them random.</summary>
    public string NewMessageId()
    {
        Span<byte> bytes = stackalloc byte[17];
        _random.NextBytes(bytes[..16]);
        bytes[16] = 0;
        Span<char> chars = stackalloc char[26];
        for (var i = 0; i < chars.Length; i++)
        {
            var bit = i * 5;
            var value = ((bytes[bit / 8] << 8) | bytes[(bit / 8) + 1]) >> (11 - (bit % 8));
            chars[i] = Base32Alphabet[value & 31];
        }

        return new string(chars);
    }

    /// <summary>32 characters of base64url: 192 random bits.</summary>
    public string NewResumeToken()
    {
        Span<byte> bytes = stackalloc byte[24];
        _random.NextBytes(bytes);
        Span<char> chars = stackalloc char[32];
        for (int i = 0, c = 0; i < bytes.Length; i += 3)
        {
            var triple = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
            chars[c++] = Base64UrlAlphabet[(triple >> 18) & 63];
            chars[c++] = Base64UrlAlphabet[(triple >> 12) & 63];
            chars[c++] = Base64UrlAlphabet[(triple >> 6) & 63];
            chars[c++] = Base64UrlAlphabet[triple & 63];
        }

        return new string(chars);
    }
}
