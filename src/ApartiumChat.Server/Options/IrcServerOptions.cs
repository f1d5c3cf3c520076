namespace ApartiumChat.Server.Options;

/// <summary>
/// Everything one server node needs to know. Defaults suit a small real deployment; every
/// limit can be raised (a benchmark lifts them) or lowered (tests tighten them).
/// </summary>
public sealed record IrcServerOptions
{
    public static IrcServerOptions Default { get; } = new();

    /// <summary>The node's name, used as the source of server messages. Default <c>apartium.local</c>.</summary>
    public string ServerName { get; init; } = "apartium.local";

    /// <summary>The network name given in ISUPPORT <c>NETWORK</c>. Default <c>ApartiumChat</c>.</summary>
    public string NetworkName { get; init; } = "ApartiumChat";

    /// <summary>Server password clients must give with PASS before registering; null for none.</summary>
    public string? Password { get; init; }

    /// <summary>How nicks and channel names compare: <c>ascii</c>, <c>rfc1459</c> or <c>rfc1459-strict</c>. Default <c>rfc1459</c>.</summary>
    public string CaseMapping { get; init; } = "rfc1459";

    /// <summary>Message of the day, one entry per line. Empty gives ERR_NOMOTD.</summary>
    public IReadOnlyList<string> Motd { get; init; } = ["Welcome to ApartiumChat: a chat server built to stay up."];

    public ServerLimits Limits { get; init; } = ServerLimits.Default;

    public HistoryOptions History { get; init; } = HistoryOptions.Default;

    public HaOptions Ha { get; init; } = HaOptions.Default;

    /// <summary>Every problem with these options, empty when they are valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(ServerName) || ServerName.Contains(' ', StringComparison.Ordinal) || !ServerName.Contains('.', StringComparison.Ordinal))
        {
            problems.Add($"ServerName '{ServerName}' must be a host-like name with a dot and no spaces (e.g. s0.apartium)");
        }

        if (string.IsNullOrWhiteSpace(NetworkName) || NetworkName.Any(c => c is ' ' or ',' or ':'))
        {
            problems.Add($"NetworkName '{NetworkName}' must be a non-empty word without spaces");
        }

        if (Password is { Length: 0 })
        {
            problems.Add("Password is empty: leave it out for no password");
        }

        if (CaseMapping is not ("ascii" or "rfc1459" or "rfc1459-strict"))
        {
            problems.Add($"CaseMapping '{CaseMapping}' is not one of ascii, rfc1459, rfc1459-strict");
        }

        problems.AddRange(Limits.Validate());
        problems.AddRange(History.Validate());
        problems.AddRange(Ha.Validate());
        return problems;
    }

    /// <summary>Throws one <see cref="ArgumentException"/> listing every problem, if any.</summary>
    public IrcServerOptions ThrowIfInvalid()
    {
        var problems = Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid server options:\n  - " + string.Join("\n  - ", problems));
        }

        return this;
    }
}
