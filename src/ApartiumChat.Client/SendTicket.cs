namespace ApartiumChat.Client;

/// <summary>
/// What <see cref="HaClient.Post"/> did with a message: queued (its outcome follows as
/// events), or refused at once with a reason.
/// </summary>
public readonly record struct SendTicket(long LocalId, string? IdempotencyKey, SendFailureReason? Refusal)
{
    public bool Accepted => Refusal is null;
}
