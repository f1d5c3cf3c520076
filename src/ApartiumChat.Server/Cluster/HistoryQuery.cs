using ApartiumChat.Server.History;

namespace ApartiumChat.Server.Cluster;

/// <summary>A CHATHISTORY request: subcommand (LATEST, BEFORE, AFTER, AROUND, BETWEEN), references and limit.</summary>
public sealed record HistoryQuery(string Subcommand, HistoryReference? First, HistoryReference? Second, int Limit);
