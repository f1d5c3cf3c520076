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

    // Message ids draw their random bytes from a pool refilled 32 ids at a time: one call to
    // the secure generator costs about as much as a whole fan-out to a few members (OpenSSL's
    // per-call overhead showed at 3 % of the server's CPU in a fan-out profile).
    private const int IdBytes = 16;
    private const int PoolIds = 32;

    private readonly Random _random;
    private readonly byte[] _pool = new byte[IdBytes * PoolIds];
    private int _pooled;

    public IdGenerator(Random random)
    {
        _random = random;
    }

    /// <summary>26 characters of base32: 130 bits, 128 of them random. Not thread-safe (the cluster's lock guards it).</summary>
    public string NewMessageId()
    {
        if (_pooled == 0)
        {
            _random.NextBytes(_pool);
            _pooled = PoolIds;
        }

        _pooled--;
        Span<byte> bytes = stackalloc byte[IdBytes + 1];
        _pool.AsSpan(_pooled * IdBytes, IdBytes).CopyTo(bytes);
        bytes[IdBytes] = 0;
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
