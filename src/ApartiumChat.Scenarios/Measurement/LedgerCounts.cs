namespace ApartiumChat.Scenarios.Measurement;

/// <summary>
/// What the message ledger found in one trial. <see cref="Lost"/>, <see cref="Duplicated"/>,
/// <see cref="Reordered"/> and <see cref="Unacked"/> are the contract's figures; the others
/// give them context. <see cref="Unexpected"/> counts deliveries of messages never sent (or
/// to their own sender), which a correct system never makes.
/// </summary>
public sealed record LedgerCounts(
    long Sent,
    long Acknowledged,
    long Delivered,
    long Lost,
    long Duplicated,
    long Reordered,
    long Unacked,
    long Unexpected)
{
    public static LedgerCounts Empty { get; } = new(0, 0, 0, 0, 0, 0, 0, 0);
}
