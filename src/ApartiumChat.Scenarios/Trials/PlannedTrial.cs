namespace ApartiumChat.Scenarios.Trials;

/// <summary>A trial to run: its 1-based index and the seed every random choice in it comes from.</summary>
public sealed record PlannedTrial(int Index, long Seed);
