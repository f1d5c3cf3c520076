using System.Diagnostics.CodeAnalysis;
using System.Net;
using ApartiumChat.Transport;

namespace ApartiumChat.Faults.Api;

/// <summary>
/// The <c>host:port</c> addresses of Toxiproxy's API. As in Go, a port is required, and an
/// empty host (<c>:8474</c>) means every interface.
/// </summary>
public static class ProxyAddress
{
    public static bool TryParse(string? text, [NotNullWhen(true)] out EndPoint? endPoint, [NotNullWhen(false)] out string? error)
    {
        endPoint = null;
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            error = "address is empty";
            return false;
        }

        var colon = text.LastIndexOf(':');
        var bracket = text.LastIndexOf(']');
        if (colon < 0 || colon < bracket || (bracket < 0 && text.IndexOf(':', StringComparison.Ordinal) != colon))
        {
            error = $"address {text}: missing port in address";
            return false;
        }

        if (colon == 0)
        {
            text = "[::]" + text; // ":8474": every interface, IPv4 and IPv6
        }

        return NetworkAddress.TryParse(text, 0, out endPoint, out error);
    }

    /// <summary><c>host:port</c>, with an IPv4 address shown as such even when a dual-mode socket maps it.</summary>
    public static string Format(EndPoint endPoint) => NetworkAddress.Format(
        endPoint is IPEndPoint { Address.IsIPv4MappedToIPv6: true } mapped
            ? new IPEndPoint(mapped.Address.MapToIPv4(), mapped.Port)
            : endPoint);

    /// <summary>
    /// Resolves a host name to listen on, preferring IPv4 as Go's listener does for
    /// <c>localhost</c>; an IP address is returned as it is.
    /// </summary>
    /// <exception cref="FaultProxyException">The name does not resolve (<see cref="FaultErrorKind.ListenFailed"/>).</exception>
    public static async Task<EndPoint> ResolveListenAsync(EndPoint endPoint, CancellationToken cancellationToken)
    {
        if (endPoint is not DnsEndPoint dns)
        {
            return endPoint;
        }

        IPAddress[] addresses;
        try
        {
            addresses = await Dns.GetHostAddressesAsync(dns.Host, cancellationToken);
        }
        catch (System.Net.Sockets.SocketException e)
        {
            throw new FaultProxyException(FaultErrorKind.ListenFailed, $"listen tcp {Format(dns)}: lookup {dns.Host}: {e.Message}", e);
        }

        var chosen = addresses.FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork) ?? addresses.FirstOrDefault()
            ?? throw new FaultProxyException(FaultErrorKind.ListenFailed, $"listen tcp {Format(dns)}: lookup {dns.Host}: no such host");
        return new IPEndPoint(chosen, dns.Port);
    }
}
