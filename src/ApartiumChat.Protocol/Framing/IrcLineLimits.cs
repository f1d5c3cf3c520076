namespace ApartiumChat.Protocol;

/// <summary>
/// How long a line may be. Modern IRC and IRCv3 message-tags split a line in two:
/// <code>
///   @tag=value;tag2 :nick!user@host PRIVMSG #chan :text\r\n
///   |-- tags part --||------------- rest ---------------|
///    (incl. '@' and               (incl. the line ending)
///     the space after)
/// </code>
/// </summary>
public sealed record IrcLineLimits
{
    /// <summary>The IRCv3 limit on the tags part: 8191 bytes, including '@' and the space after.</summary>
    public const int DefaultMaxTagsLength = 8191;

    /// <summary>The classic IRC limit on the rest: 512 bytes, including CRLF.</summary>
    public const int DefaultMaxRestLength = 512;

    /// <summary>The longest line under the default limits (8703 bytes): a size for per-connection buffers.</summary>
    public const int DefaultMaxLineLength = DefaultMaxTagsLength + DefaultMaxRestLength;

    /// <summary>The largest limit a setting may take (1 MiB): buffers are sized from these.</summary>
    public const int MaxSetting = 1 << 20;

    /// <summary>The defaults of docs/protocol.md.</summary>
    public static IrcLineLimits Default { get; } = new();

    /// <summary>Longest tags part in bytes, '@' and the space after included. Default 8191.</summary>
    public int MaxTagsLength { get; init; } = DefaultMaxTagsLength;

    /// <summary>Longest rest of the line in bytes, line ending included. Default 512.</summary>
    public int MaxRestLength { get; init; } = DefaultMaxRestLength;

    /// <summary>The longest line these limits allow.</summary>
    public int MaxLineLength => MaxTagsLength + MaxRestLength;

    /// <summary>Every problem with these limits, or none.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (MaxTagsLength is < 0 or > MaxSetting)
        {
            problems.Add($"{nameof(MaxTagsLength)} must be from 0 to {MaxSetting} (was {MaxTagsLength})");
        }

        // "X\r\n" is the shortest line there is.
        if (MaxRestLength is < 3 or > MaxSetting)
        {
            problems.Add($"{nameof(MaxRestLength)} must be from 3 to {MaxSetting} (was {MaxRestLength})");
        }

        return problems;
    }

    /// <summary>Throws an <see cref="ArgumentException"/> listing every problem, if there is any.</summary>
    public void ThrowIfInvalid()
    {
        var problems = Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid IRC line limits: " + string.Join("; ", problems));
        }
    }
}
