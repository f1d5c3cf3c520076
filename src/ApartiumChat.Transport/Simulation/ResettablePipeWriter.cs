using System.IO.Pipelines;

namespace ApartiumChat.Transport.Simulation;

/// <summary>A pipe writer that fails with a reset once its <see cref="InMemoryLink"/> is reset.</summary>
internal sealed class ResettablePipeWriter : PipeWriter
{
    private readonly PipeWriter _inner;
    private readonly InMemoryLink _link;

    public ResettablePipeWriter(PipeWriter inner, InMemoryLink link)
    {
        _inner = inner;
        _link = link;
    }

    public override void Advance(int bytes) => _inner.Advance(bytes);

    public override void CancelPendingFlush() => _inner.CancelPendingFlush();

    public override void Complete(Exception? exception = null) => _inner.Complete(exception);

    public override async ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
    {
        if (_link.IsReset)
        {
            throw _link.ResetError();
        }

        var result = await _inner.FlushAsync(cancellationToken);
        if (_link.IsReset)
        {
            throw _link.ResetError();
        }

        return result;
    }

    public override Memory<byte> GetMemory(int sizeHint = 0) => _inner.GetMemory(sizeHint);

    public override Span<byte> GetSpan(int sizeHint = 0) => _inner.GetSpan(sizeHint);
}
