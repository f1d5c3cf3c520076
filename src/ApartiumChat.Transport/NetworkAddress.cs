using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;

namespace ApartiumChat.Transport;

/// <summary>
/// Parses the addresses people type: <c>host</c>, <c>host:port</c>, <c>1.2.3.4:port</c>,
/// <c>[::1]:port</c>, or a bare IPv6 literal such as <c>::1</c>.
/// </summary>
public static class NetworkAddress
{
    public static EndPoint Parse(string text, int defaultPort)
    {
        if (!TryParse(text, defaultPort, out var endPoint, out var error))
        {
            throw new FormatException(error);
        }

        return endPoint;
    }

    public static bool TryParse(
        string? text,
        int defaultPort,
        [NotNullWhen(true)] out EndPoint? endPoint,
        [NotNullWhen(false)] out string? error)
    {
        endPoint = null;
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            error = "an address is empty";
            return false;
        }

        string host;
        string? portText = null;
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                error = $"'{text}': missing ']' after the IPv6 address";
                return false;
            }

            host = text[1..close];
            var rest = text[(close + 1)..];
            if (rest.Length > 0)
            {
                if (rest[0] != ':')
                {
                    error = $"'{text}': expected ':port' after ']'";
                    return false;
                }

                portText = rest[1..];
            }
        }
        else if (text.Count(c => c == ':') > 1)
        {
            host = text; // a bare IPv6 literal: no port can be given without brackets
        }
        else
        {
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            host = colon < 0 ? text : text[..colon];
            portText = colon < 0 ? null : text[(colon + 1)..];
        }

        var port = defaultPort;
        if (portText is not null
            && (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port > 65535))
        {
            error = $"'{text}': the port must be a number from 0 to 65535";
            return false;
        }

        if (IPAddress.TryParse(host, out var ip))
        {
            endPoint = new IPEndPoint(ip, port);
            error = null;
            return true;
        }

        if (host.Length == 0 || Uri.CheckHostName(host) != UriHostNameType.Dns)
        {
            error = $"'{text}': '{host}' is not a valid host name or IP address";
            return false;
        }

        endPoint = new DnsEndPoint(host, port);
        error = null;
        return true;
    }

    /// <summary>Formats an endpoint the way people type it (<c>host:port</c>, <c>[::1]:port</c>).</summary>
    public static string Format(EndPoint endPoint) => endPoint switch
    {
        IPEndPoint ip => ip.ToString(),
        DnsEndPoint dns => $"{dns.Host}:{dns.Port.ToString(CultureInfo.InvariantCulture)}",
        _ => endPoint.ToString() ?? "?",
    };
}
