using ApartiumChat.Faults.Toxics;

namespace ApartiumChat.Faults.Api;

/// <summary>
/// A proxy as <c>POST /populate</c> and the config file describe it: Toxiproxy's fields, plus
/// (an extension) the toxics to add when it is created.
/// </summary>
/// <param name="Name">Unique name.</param>
/// <param name="Listen">Where to listen (<c>host:port</c>; port 0 picks one). Default 127.0.0.1:0.</param>
/// <param name="Upstream">Where to forward (<c>host:port</c>).</param>
/// <param name="Enabled">Whether it listens at once. Default true.</param>
/// <param name="Toxics">Toxics to add on creation.</param>
public sealed record ProxyDefinition(string Name, string Listen, string Upstream, bool Enabled, IReadOnlyList<Toxic> Toxics)
{
    public const string DefaultListen = "127.0.0.1:0";
}
