namespace ApartiumChat.Server.Cluster;

/// <summary>A client completing registration: who it is, and whether it asked for session resume support.</summary>
public sealed record RegistrationRequest(string Nick, string User, string Host, string RealName, bool IsHa);
