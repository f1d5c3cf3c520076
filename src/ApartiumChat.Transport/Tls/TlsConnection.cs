using System.IO.Pipelines;
using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace ApartiumChat.Transport.Tls;

/// <summary>
/// TLS over any <see cref="IConnection"/> (TCP or in-memory): an <see cref="SslStream"/> on
/// the inner connection's pipes, and new pipes on top of it.
/// <code>
///   app pipes &lt;-&gt; SslStream &lt;-&gt; DuplexPipeStream &lt;-&gt; inner connection pipes
/// </code>
/// Half-close is not carried through TLS: completing the output ends the whole connection.
/// </summary>
public sealed class TlsConnection : IConnection
{
    private readonly IConnection _inner;
    private readonly SslStream _ssl;
    private int _disposed;

    private TlsConnection(IConnection inner, SslStream ssl)
    {
        _inner = inner;
        _ssl = ssl;
        Transport = new DuplexPipe(
            PipeReader.Create(ssl, new StreamPipeReaderOptions(leaveOpen: true)),
            PipeWriter.Create(ssl, new StreamPipeWriterOptions(leaveOpen: true)));
    }

    public long Id => _inner.Id;

    public EndPoint LocalEndPoint => _inner.LocalEndPoint;

    public EndPoint RemoteEndPoint => _inner.RemoteEndPoint;

    public IDuplexPipe Transport { get; }

    /// <summary>The negotiated protocol, e.g. Tls13.</summary>
    public System.Security.Authentication.SslProtocols Protocol => _ssl.SslProtocol;

    /// <summary>Runs the server side of the handshake on an accepted connection.</summary>
    public static async Task<TlsConnection> AuthenticateAsServerAsync(IConnection inner, X509Certificate2 certificate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inner);
        var ssl = new SslStream(new DuplexPipeStream(inner.Transport), leaveInnerStreamOpen: true);
        try
        {
            await ssl.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = certificate }, cancellationToken);
        }
        catch
        {
            await ssl.DisposeAsync();
            throw;
        }

        return new TlsConnection(inner, ssl);
    }

    /// <summary>Runs the client side of the handshake on an outgoing connection.</summary>
    /// <param name="inner">The connection to secure.</param>
    /// <param name="targetHost">The name the server's certificate must carry.</param>
    /// <param name="validate">Certificate check; null for the system's default validation.</param>
    /// <param name="cancellationToken">Cancels the handshake.</param>
    public static async Task<TlsConnection> AuthenticateAsClientAsync(
        IConnection inner,
        string targetHost,
        RemoteCertificateValidationCallback? validate,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inner);
        var ssl = new SslStream(new DuplexPipeStream(inner.Transport), leaveInnerStreamOpen: true, validate);
        try
        {
            await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = targetHost }, cancellationToken);
        }
        catch
        {
            await ssl.DisposeAsync();
            throw;
        }

        return new TlsConnection(inner, ssl);
    }

    public void Abort() => _inner.Abort();

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            await Transport.Output.CompleteAsync();
            await Transport.Input.CompleteAsync();
            await _ssl.ShutdownAsync();
        }
        catch (IOException)
        {
            // The peer is already gone: nothing to say goodbye to.
        }

        await _ssl.DisposeAsync();
        await _inner.DisposeAsync();
    }
}
