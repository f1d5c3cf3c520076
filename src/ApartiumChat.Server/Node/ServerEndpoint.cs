using System.Net;
using System.Security.Cryptography.X509Certificates;

namespace ApartiumChat.Server.Node;

/// <summary>An address to listen on; with a certificate, connections there speak TLS.</summary>
public sealed record ServerEndpoint(EndPoint Address, X509Certificate2? Certificate = null);
