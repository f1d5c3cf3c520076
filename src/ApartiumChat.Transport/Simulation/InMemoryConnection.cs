using System.IO.Pipelines;
using System.Net;

namespace ApartiumChat.Transport.Simulation;

/// <summary>One end of an in-memory connection; see <see cref="InMemoryNetwork"/>.</summary>
internal sealed class InMemoryConnection : IConnection
{
    private readonly InMemoryLink _link;
    private readonly ResettablePipeReader _input;
    private readonly ResettablePipeWriter _output;
    private int _disposed;

    public InMemoryConnection(long id, EndPoint local, EndPoint remote, InMemoryLink link, Pipe inbound, Pipe outbound)
    {
        Id = id;
        LocalEndPoint = local;
        RemoteEndPoint = remote;
        _link = link;
        _input = new ResettablePipeReader(inbound.Reader, link);
        _output = new ResettablePipeWriter(outbound.Writer, link);
        Transport = new DuplexPipe(_input, _output);
    }

    public long Id { get; }

    public EndPoint LocalEndPoint { get; }

    public EndPoint RemoteEndPoint { get; }

    public IDuplexPipe Transport { get; }

    public void Abort() => _link.Reset();

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _output.CompleteAsync(); // FIN after whatever was written
        await _input.CompleteAsync();
    }
}
