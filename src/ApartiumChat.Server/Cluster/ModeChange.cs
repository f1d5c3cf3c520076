namespace ApartiumChat.Server.Cluster;

/// <summary>One channel mode change: <c>+k secret</c>, <c>-o nick</c>, <c>+m</c>, ...</summary>
public sealed record ModeChange(bool Add, char Mode, string? Parameter)
{
    public override string ToString() => (Add ? "+" : "-") + Mode + (Parameter is null ? string.Empty : " " + Parameter);
}

/// <summary>What a MODE did: the changes applied (already broadcast) and those refused, each with its reason.</summary>
public sealed record ModeChangeResult(
    ClusterError Error,
    IReadOnlyList<ModeChange> Applied,
    IReadOnlyList<(ModeChange Change, ClusterError Error)> Refused);
