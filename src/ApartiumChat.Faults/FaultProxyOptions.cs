using System.Net;
using ApartiumChat.Faults.Journal;

namespace ApartiumChat.Faults;

/// <summary>Settings of one <see cref="FaultProxy"/>.</summary>
public sealed record FaultProxyOptions
{
    public static FaultProxyOptions Default { get; } = new();

    /// <summary>Name of the proxy (Toxiproxy's <c>name</c>). Default "proxy".</summary>
    public string Name { get; init; } = "proxy";

    /// <summary>Whose link this is, as the journal keys decisions (fault, client, connection). Default: the name.</summary>
    public string? Client { get; init; }

    /// <summary>Where to listen. Default 127.0.0.1 on a free port.</summary>
    public EndPoint Listen { get; init; } = new IPEndPoint(IPAddress.Loopback, 0);

    /// <summary>Where each accepted connection is forwarded. Required.</summary>
    public EndPoint? Upstream { get; init; }

    /// <summary>Whether the proxy listens once started. Default true.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>
    /// Master seed of every random decision this proxy makes (toxicity, jitter, slice sizes).
    /// A trial passes its own seed so that it replays. Default 0.
    /// </summary>
    public long Seed { get; init; }

    /// <summary>
    /// Bytes the toxics of one direction may hold before the proxy stops reading from the
    /// sender, which pushes back as a TCP window would. Default 1 MiB.
    /// </summary>
    public long MaxBufferedBytes { get; init; } = 1024 * 1024;

    /// <summary>Where decisions are recorded; several proxies may share one. Default: a journal of its own.</summary>
    public InjectionJournal? Journal { get; init; }

    /// <summary>Every problem with these options, or an empty list.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Name))
        {
            problems.Add("Name must not be empty");
        }

        if (Client is not null && Client.Length == 0)
        {
            problems.Add("Client must not be empty when given");
        }

        if (Listen is null)
        {
            problems.Add("Listen is required");
        }

        if (Upstream is null)
        {
            problems.Add("Upstream is required");
        }

        if (MaxBufferedBytes < 1)
        {
            problems.Add($"MaxBufferedBytes must be at least 1, not {MaxBufferedBytes}");
        }

        return problems;
    }
}
