using System.Net;
using ApartiumChat.Transport.Tcp;

namespace ApartiumChat.Transport.Tests.Tcp;

[Category("Tcp")]
public sealed class TcpTransportTests : ConnectionContract
{
    private readonly TcpTransport _transport = new();

    protected override IConnectionListenerFactory Listeners => _transport;

    protected override IConnectionFactory Connector => _transport;

    protected override EndPoint AnyAddress => new IPEndPoint(IPAddress.Loopback, 0);

    // Real sockets: a generous bound, never a tight timing assertion.
    protected override void Run(Func<Task> body) =>
        Assert.That(body().Wait(TimeSpan.FromSeconds(30)), Is.True, "timed out");
}

/// <summary>The same contract with a 16-byte receive buffer: every read grows, compacts or refills it.</summary>
[Category("Tcp")]
public sealed class TcpTransportSmallBufferTests : ConnectionContract
{
    private readonly TcpTransport _transport = new(new TcpTransportOptions { ReceiveBufferBytes = 16 });

    protected override IConnectionListenerFactory Listeners => _transport;

    protected override IConnectionFactory Connector => _transport;

    protected override EndPoint AnyAddress => new IPEndPoint(IPAddress.Loopback, 0);

    protected override void Run(Func<Task> body) =>
        Assert.That(body().Wait(TimeSpan.FromSeconds(30)), Is.True, "timed out");
}
