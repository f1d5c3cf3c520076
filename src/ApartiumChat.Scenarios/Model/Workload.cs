namespace ApartiumChat.Scenarios.Model;

/// <summary>The <c>workload</c> section: who sends what, how fast, in which channel.</summary>
public sealed record Workload
{
    public static Workload Default { get; } = new();

    /// <summary>The channel every client joins. Default <c>#lobby</c>.</summary>
    public string Channel { get; init; } = "#lobby";

    /// <summary>How many clients send (<c>c0</c>..); the others only listen. Null means every client.</summary>
    public int? Senders { get; init; }

    /// <summary>Messages per second each sender sends (0..1000). Default 2.</summary>
    public double RatePerClient { get; init; } = 2;

    /// <summary>Payload size in bytes, the ledger id included (16..400). Default 32.</summary>
    public int MessageBytes { get; init; } = 32;

    public int EffectiveSenders(int clients) => Senders ?? clients;

    /// <summary>senders x rate x (clients - 1): what the contract caps at 1,000,000.</summary>
    public double DeliveriesPerSecond(int clients) => EffectiveSenders(clients) * RatePerClient * Math.Max(clients - 1, 0);
}
