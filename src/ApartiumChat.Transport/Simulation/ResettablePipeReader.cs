using System.IO.Pipelines;

namespace ApartiumChat.Transport.Simulation;

/// <summary>A pipe reader that fails with a reset once its <see cref="InMemoryLink"/> is reset.</summary>
internal sealed class ResettablePipeReader : PipeReader
{
    private readonly PipeReader _inner;
    private readonly InMemoryLink _link;

    public ResettablePipeReader(PipeReader inner, InMemoryLink link)
    {
        _inner = inner;
        _link = link;
    }

    public override void AdvanceTo(SequencePosition consumed) => _inner.AdvanceTo(consumed);

    public override void AdvanceTo(SequencePosition consumed, SequencePosition examined) =>
        _inner.AdvanceTo(consumed, examined);

    public override void CancelPendingRead() => _inner.CancelPendingRead();

    public override void Complete(Exception? exception = null) => _inner.Complete(exception);

    public override async ValueTask<ReadResult> ReadAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfReset();
        var result = await _inner.ReadAsync(cancellationToken);
        if (_link.IsReset)
        {
            _inner.AdvanceTo(result.Buffer.Start); // data buffered at a reset is lost
            throw _link.ResetError();
        }

        return result;
    }

    public override bool TryRead(out ReadResult result)
    {
        ThrowIfReset();
        return _inner.TryRead(out result);
    }

    private void ThrowIfReset()
    {
        if (_link.IsReset)
        {
            throw _link.ResetError();
        }
    }
}
